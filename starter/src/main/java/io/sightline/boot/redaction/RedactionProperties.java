package io.sightline.boot.redaction;

import java.util.ArrayList;
import java.util.List;

import io.sightline.redaction.RedactionSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sightline.redaction.*}: the PII policy applied to log events and span attributes. The agent
 * extension reads the same keys; both map them through {@link RedactionSettings}.
 */
@ConfigurationProperties(prefix = RedactionProperties.PREFIX, ignoreUnknownFields = false)
public class RedactionProperties {

	public static final String PREFIX = "sightline.redaction";

	/**
	 * Whether the redaction policy is applied to log events and span attributes.
	 */
	private boolean enabled = true;

	/**
	 * Mask Luhn-valid card numbers.
	 */
	private boolean cardNumbers = true;

	/**
	 * Mask JSON Web Tokens.
	 */
	private boolean jwts = true;

	/**
	 * Mask Bearer and Basic credentials.
	 */
	private boolean bearerTokens = true;

	/**
	 * Mask values of password=, secret=, token= style pairs in free text.
	 */
	private boolean keyValues = true;

	/**
	 * Extra sensitive keys, added to the built-in ones (password, secret, token, ...).
	 */
	private List<String> sensitiveKeys = new ArrayList<>();

	/**
	 * Field paths whose values are always masked, e.g. labels.user_email or an MDC key.
	 */
	private List<String> fieldPaths = new ArrayList<>();

	/**
	 * Extra regular expressions; every match is masked.
	 */
	private List<String> patterns = new ArrayList<>();

	/**
	 * Text that replaces a masked value.
	 */
	private String replacement = "[REDACTED]";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isCardNumbers() {
		return this.cardNumbers;
	}

	public void setCardNumbers(boolean cardNumbers) {
		this.cardNumbers = cardNumbers;
	}

	public boolean isJwts() {
		return this.jwts;
	}

	public void setJwts(boolean jwts) {
		this.jwts = jwts;
	}

	public boolean isBearerTokens() {
		return this.bearerTokens;
	}

	public void setBearerTokens(boolean bearerTokens) {
		this.bearerTokens = bearerTokens;
	}

	public boolean isKeyValues() {
		return this.keyValues;
	}

	public void setKeyValues(boolean keyValues) {
		this.keyValues = keyValues;
	}

	public List<String> getSensitiveKeys() {
		return this.sensitiveKeys;
	}

	public void setSensitiveKeys(List<String> sensitiveKeys) {
		this.sensitiveKeys = sensitiveKeys;
	}

	public List<String> getFieldPaths() {
		return this.fieldPaths;
	}

	public void setFieldPaths(List<String> fieldPaths) {
		this.fieldPaths = fieldPaths;
	}

	public List<String> getPatterns() {
		return this.patterns;
	}

	public void setPatterns(List<String> patterns) {
		this.patterns = patterns;
	}

	public String getReplacement() {
		return this.replacement;
	}

	public void setReplacement(String replacement) {
		this.replacement = replacement;
	}

	/** These properties as the settings that the agent extension reads too. */
	public RedactionSettings toSettings() {
		return new RedactionSettings(this.enabled, this.cardNumbers, this.jwts, this.bearerTokens, this.keyValues,
				this.sensitiveKeys, this.fieldPaths, this.patterns, this.replacement);
	}

}
