package io.sightline.redaction;

import java.util.List;

/**
 * The {@code sightline.redaction.*} settings and their one mapping onto a {@link RedactionPolicy}. The
 * starter binds them as Spring properties, the agent extension reads them as system properties or
 * {@code SIGHTLINE_REDACTION_*} variables; both build their policy here, so the keys, the defaults and
 * the error messages are the same in both modes.
 *
 * @param enabled whether the policy is applied at all; when off, nothing is masked
 * @param cardNumbers mask Luhn-valid card numbers
 * @param jwts mask JSON Web Tokens
 * @param bearerTokens mask Bearer and Basic credentials
 * @param keyValues mask the values of {@code password=}, {@code secret=} style pairs in free text
 * @param sensitiveKeys keys added to {@link RedactionPolicy#DEFAULT_SENSITIVE_KEYS}
 * @param fieldPaths field paths whose values are always masked
 * @param patterns extra regular expressions; every match is masked
 * @param replacement the text that replaces a masked value
 */
public record RedactionSettings(boolean enabled, boolean cardNumbers, boolean jwts, boolean bearerTokens,
		boolean keyValues, List<String> sensitiveKeys, List<String> fieldPaths, List<String> patterns,
		String replacement) {

	public static final String PREFIX = "sightline.redaction.";

	public static final String ENABLED = PREFIX + "enabled";

	public static final String CARD_NUMBERS = PREFIX + "card-numbers";

	public static final String JWTS = PREFIX + "jwts";

	public static final String BEARER_TOKENS = PREFIX + "bearer-tokens";

	public static final String KEY_VALUES = PREFIX + "key-values";

	public static final String SENSITIVE_KEYS = PREFIX + "sensitive-keys";

	public static final String FIELD_PATHS = PREFIX + "field-paths";

	public static final String PATTERNS = PREFIX + "patterns";

	public static final String REPLACEMENT = PREFIX + "replacement";

	/** Every key of this group, as the starter's metadata lists them and the agent reads them. */
	public static final List<String> KEYS = List.of(ENABLED, CARD_NUMBERS, JWTS, BEARER_TOKENS, KEY_VALUES,
			SENSITIVE_KEYS, FIELD_PATHS, PATTERNS, REPLACEMENT);

	/** What applies to each key that is not set. */
	public static final RedactionSettings DEFAULTS = new RedactionSettings(true, true, true, true, true, List.of(),
			List.of(), List.of(), RedactionPolicy.DEFAULT_REPLACEMENT);

	public RedactionSettings {
		sensitiveKeys = (sensitiveKeys != null) ? List.copyOf(sensitiveKeys) : List.of();
		fieldPaths = (fieldPaths != null) ? List.copyOf(fieldPaths) : List.of();
		patterns = (patterns != null) ? List.copyOf(patterns) : List.of();
		replacement = (replacement != null) ? replacement : RedactionPolicy.DEFAULT_REPLACEMENT;
	}

	/** Reads every key from {@code source}, with {@link #DEFAULTS} for the keys that are not set. */
	public static RedactionSettings read(Source source) {
		return new RedactionSettings(source.flag(ENABLED, DEFAULTS.enabled),
				source.flag(CARD_NUMBERS, DEFAULTS.cardNumbers), source.flag(JWTS, DEFAULTS.jwts),
				source.flag(BEARER_TOKENS, DEFAULTS.bearerTokens), source.flag(KEY_VALUES, DEFAULTS.keyValues),
				source.list(SENSITIVE_KEYS), source.list(FIELD_PATHS), source.list(PATTERNS),
				source.text(REPLACEMENT, DEFAULTS.replacement));
	}

	/**
	 * The policy these settings describe, still open to customizers.
	 * @throws IllegalArgumentException naming {@value #PATTERNS} when a pattern is not a valid regular
	 * expression
	 */
	public RedactionPolicy.Builder toPolicy() {
		RedactionPolicy.Builder builder = RedactionPolicy.builder();
		if (!this.enabled) {
			return builder.cardNumbers(false).jwts(false).bearerTokens(false).keyValues(false).sensitiveKeys(List.of());
		}
		try {
			return builder.cardNumbers(this.cardNumbers)
				.jwts(this.jwts)
				.bearerTokens(this.bearerTokens)
				.keyValues(this.keyValues)
				.addSensitiveKeys(this.sensitiveKeys)
				.fieldPaths(this.fieldPaths)
				.customPatterns(this.patterns)
				.replacement(this.replacement);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Invalid " + PATTERNS + ": " + ex.getMessage(), ex);
		}
	}

	/** A key-value source of settings, such as the agent's configuration. */
	public interface Source {

		/** The flag at {@code key}, or {@code defaultValue} when it is not set. */
		boolean flag(String key, boolean defaultValue);

		/** The comma-separated list at {@code key}, empty when it is not set. */
		List<String> list(String key);

		/** The text at {@code key}, or {@code defaultValue} when it is not set. */
		String text(String key, String defaultValue);

	}

}
