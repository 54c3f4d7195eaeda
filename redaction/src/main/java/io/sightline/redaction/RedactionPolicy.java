package io.sightline.redaction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The PII and secret policy shared by log events and span attributes, so both apply the same
 * rules. Built-in detectors are hand-written linear scanners behind cheap gates, because
 * {@link #redact(String)} runs on every log event: clean text costs one pass over its characters
 * and allocates nothing.
 * <p>
 * Built-in detectors:
 * <ul>
 * <li>card numbers: 13 to 19 digits, optionally grouped by single spaces or dashes, on word
 * boundaries, Luhn-valid;</li>
 * <li>JSON Web Tokens ({@code eyJ...}.{@code ...}.{@code ...});</li>
 * <li>{@code Bearer <token>}, and {@code Basic <base64>} after an Authorization key;</li>
 * <li>{@code key=value} / {@code key: value} pairs whose key is sensitive.</li>
 * </ul>
 * Sensitive keys compare case-insensitively, ignoring '_' and '-', and match as a suffix:
 * {@code api_key} covers {@code apiKey} and {@code X-Api-Key}, {@code password} covers
 * {@code db_password}. User regexes ({@link Builder#customPatterns}) replace every match.
 * Text with URL encoding ({@code %40}, {@code %3D}, or {@code +} between digits) is also scanned
 * decoded, so encoding does not hide a secret from any detector.
 * <p>
 * Instances are immutable and thread-safe. {@link #redact(String)} never throws: should a user
 * pattern fail on some input (for example a stack overflow in the regex engine) the whole text is
 * replaced, since leaking is worse than losing a message.
 */
public final class RedactionPolicy {

	/** Text that replaces each detected secret unless {@link Builder#replacement} says otherwise. */
	public static final String DEFAULT_REPLACEMENT = "[REDACTED]";

	/** The default sensitive keys, used by the key-value detector and {@link #isSensitiveKey}. */
	public static final Set<String> DEFAULT_SENSITIVE_KEYS = Collections.unmodifiableSet(new LinkedHashSet<>(
			Arrays.asList("password", "passwd", "pwd", "secret", "client_secret", "token", "access_token", "api_key",
					"apikey", "authorization", "private_key", "credentials")));

	private static final RedactionPolicy DEFAULTS = builder().build();

	private final boolean cardNumbers;

	private final boolean jwts;

	private final boolean bearerTokens;

	private final boolean keyValues;

	private final boolean anyBuiltIn;

	private final SensitiveKeys keys;

	private final Pattern[] customPatterns;

	private final String replacement;

	private RedactionPolicy(Builder builder) {
		this.cardNumbers = builder.cardNumbers;
		this.jwts = builder.jwts;
		this.bearerTokens = builder.bearerTokens;
		this.keys = new SensitiveKeys(builder.sensitiveKeys, builder.fieldPaths);
		this.keyValues = builder.keyValues && !this.keys.isEmpty();
		this.anyBuiltIn = this.cardNumbers || this.jwts || this.bearerTokens || this.keyValues;
		this.customPatterns = builder.customPatterns.toArray(new Pattern[0]);
		this.replacement = builder.replacement;
	}

	/**
	 * The shared policy with every built-in detector on, {@link #DEFAULT_SENSITIVE_KEYS} and
	 * {@link #DEFAULT_REPLACEMENT}.
	 * @return the default policy
	 */
	public static RedactionPolicy defaults() {
		return DEFAULTS;
	}

	/**
	 * A builder starting from the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Replaces every detected secret in free text.
	 * @param text the text, may be {@code null}
	 * @return the input instance itself (no allocation) when nothing matched; {@code null} for
	 * {@code null}
	 */
	public String redact(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		try {
			MaskedRanges masked = scan(text);
			if (UrlDecoded.worthDecoding(text)) {
				masked = scanDecoded(text, masked);
			}
			return (masked != null) ? masked.apply(text, this.replacement) : text;
		}
		catch (RuntimeException | StackOverflowError ex) {
			return this.replacement;
		}
	}

	private MaskedRanges scan(String text) {
		MaskedRanges masked = this.anyBuiltIn ? scanBuiltIns(text) : null;
		for (Pattern pattern : this.customPatterns) {
			Matcher matcher = pattern.matcher(text);
			while (matcher.find()) {
				masked = MaskedRanges.add(masked, matcher.start(), matcher.end());
			}
		}
		return masked;
	}

	/**
	 * Secrets hidden by URL encoding ({@code jane%40example.com}, {@code 4111+1111+1111+1111},
	 * {@code password%3Dx}) in URLs, query strings and form bodies: the detectors run again on the
	 * decoded text, and what they find is masked in the original, escapes included.
	 */
	private MaskedRanges scanDecoded(String text, MaskedRanges masked) {
		UrlDecoded decoded = UrlDecoded.of(text);
		MaskedRanges found = scan(decoded.text());
		if (found == null) {
			return masked;
		}
		for (int i = 0; i < found.size(); i++) {
			masked = MaskedRanges.add(masked, decoded.sourceStart(found.start(i)), decoded.sourceStart(found.end(i)));
		}
		return masked;
	}

	/**
	 * Gates first, so clean text costs about one pass: a loop for what has no intrinsic (a run of
	 * 13 digits, the words "bearer" and "basic"), {@code String.indexOf} for the rest. Each
	 * detector then starts at its first trigger.
	 */
	private MaskedRanges scanBuiltIns(String text) {
		int length = text.length();
		int cardFrom = -1;
		int cardTo = -1;
		int firstScheme = -1;
		if (this.cardNumbers || this.bearerTokens) {
			// Digits separated by blanks or dashes count as one run, which over-approximates a card.
			// Letters, the common case, are settled by the first comparison.
			int run = 0;
			for (int i = 0; i < length; i++) {
				char c = text.charAt(i);
				if (c > '9') {
					run = 0;
					if ((c | 0x20) == 'b' && firstScheme < 0 && AuthSchemeScanner.schemeLength(text, i) > 0) {
						firstScheme = i;
					}
				}
				else if (c >= '0') {
					run++;
					if (run >= CardNumberScanner.MIN_DIGITS) {
						if (cardFrom < 0) {
							cardFrom = i;
						}
						cardTo = i + 1;
					}
				}
				else if (c != ' ' && c != '-') {
					run = 0;
				}
			}
		}
		MaskedRanges masked = null;
		if (this.cardNumbers && cardFrom >= 0) {
			masked = CardNumberScanner.scan(text, CardNumberScanner.runStart(text, cardFrom), cardTo, masked);
		}
		if (this.jwts) {
			int firstJwt = text.indexOf("eyJ");
			if (firstJwt >= 0) {
				masked = JwtScanner.scan(text, firstJwt, masked);
			}
		}
		if (this.bearerTokens && firstScheme >= 0) {
			masked = AuthSchemeScanner.scan(text, firstScheme, this.replacement, masked);
		}
		if (this.keyValues) {
			int equals = text.indexOf('=');
			int colon = text.indexOf(':');
			if (equals >= 0 || colon >= 0) {
				masked = KeyValueScanner.scan(text, equals, colon, this.keys, this.replacement, masked);
			}
		}
		return masked;
	}

	/**
	 * Whether a field name is sensitive, for structured fields and span attributes. Matching is
	 * case-insensitive; for a dotted or slashed path such as {@code user.password} or
	 * {@code http.request.header.authorization} the last segment counts, while configured field
	 * paths and keys containing '.' or '/' must match the whole path.
	 * @param key the field name, may be {@code null}
	 * @return {@code true} when values of this field must be masked
	 */
	public boolean isSensitiveKey(String key) {
		if (key == null || key.isEmpty()) {
			return false;
		}
		return this.keys.isSensitive(key);
	}

	/**
	 * Redacts a field value: the whole value when the key is sensitive, otherwise its content as
	 * by {@link #redact(String)}.
	 * @param key the field name, may be {@code null}
	 * @param value the value, may be {@code null}
	 * @return the replacement, the redacted value, or the input instance when nothing matched
	 */
	public String redactValue(String key, String value) {
		if (value == null) {
			return null;
		}
		return isSensitiveKey(key) ? this.replacement : redact(value);
	}

	/**
	 * The text that replaces secrets.
	 * @return the replacement
	 */
	public String replacement() {
		return this.replacement;
	}

	@Override
	public String toString() {
		return "RedactionPolicy{cardNumbers=" + this.cardNumbers + ", jwts=" + this.jwts + ", bearerTokens="
				+ this.bearerTokens + ", keyValues=" + this.keyValues + ", customPatterns="
				+ this.customPatterns.length + "}";
	}

	/** Configures a {@link RedactionPolicy}; starts with every built-in detector on. Not thread-safe. */
	public static final class Builder {

		private boolean cardNumbers = true;

		private boolean jwts = true;

		private boolean bearerTokens = true;

		private boolean keyValues = true;

		private final Set<String> sensitiveKeys = new LinkedHashSet<>(DEFAULT_SENSITIVE_KEYS);

		private final Set<String> fieldPaths = new LinkedHashSet<>();

		private final List<Pattern> customPatterns = new ArrayList<>();

		private String replacement = DEFAULT_REPLACEMENT;

		private Builder() {
		}

		/**
		 * Masks Luhn-valid card numbers.
		 * @param on whether the detector runs
		 * @return this builder
		 */
		public Builder cardNumbers(boolean on) {
			this.cardNumbers = on;
			return this;
		}

		/**
		 * Masks JSON Web Tokens.
		 * @param on whether the detector runs
		 * @return this builder
		 */
		public Builder jwts(boolean on) {
			this.jwts = on;
			return this;
		}

		/**
		 * Masks the credential after {@code Bearer} and, after an Authorization key, {@code Basic}.
		 * @param on whether the detector runs
		 * @return this builder
		 */
		public Builder bearerTokens(boolean on) {
			this.bearerTokens = on;
			return this;
		}

		/**
		 * Masks values of sensitive keys inside free text ({@code password=...},
		 * {@code "secret": "..."}, {@code ?token=...}).
		 * @param on whether the detector runs
		 * @return this builder
		 */
		public Builder keyValues(boolean on) {
			this.keyValues = on;
			return this;
		}

		/**
		 * Replaces the sensitive key set used by the key-value detector and
		 * {@link RedactionPolicy#isSensitiveKey}. Keys containing '.' or '/' are full paths.
		 * @param keys the keys; blank entries are ignored
		 * @return this builder
		 */
		public Builder sensitiveKeys(Collection<String> keys) {
			Objects.requireNonNull(keys, "keys must not be null");
			this.sensitiveKeys.clear();
			return addSensitiveKeys(keys);
		}

		/**
		 * Adds to the sensitive key set.
		 * @param keys the keys; blank entries are ignored
		 * @return this builder
		 */
		public Builder addSensitiveKeys(Collection<String> keys) {
			Objects.requireNonNull(keys, "keys must not be null");
			for (String key : keys) {
				Objects.requireNonNull(key, "sensitive key must not be null");
				if (!key.isBlank()) {
					this.sensitiveKeys.add(key.trim());
				}
			}
			return this;
		}

		/**
		 * Sets exact field paths (case-insensitive) that are always masked by
		 * {@link RedactionPolicy#redactValue} and reported by
		 * {@link RedactionPolicy#isSensitiveKey}, e.g. {@code labels.user_email}.
		 * @param paths the paths; blank entries are ignored
		 * @return this builder
		 */
		public Builder fieldPaths(Collection<String> paths) {
			Objects.requireNonNull(paths, "paths must not be null");
			this.fieldPaths.clear();
			for (String path : paths) {
				Objects.requireNonNull(path, "field path must not be null");
				if (!path.isBlank()) {
					this.fieldPaths.add(path.trim());
				}
			}
			return this;
		}

		/**
		 * Sets regular expressions whose every match is replaced. They run with
		 * {@code java.util.regex} after the built-ins, so keep them simple.
		 * @param regexes the patterns
		 * @return this builder
		 * @throws IllegalArgumentException when a pattern does not compile; the message names it
		 */
		public Builder customPatterns(Collection<String> regexes) {
			Objects.requireNonNull(regexes, "regexes must not be null");
			List<Pattern> compiled = new ArrayList<>(regexes.size());
			for (String regex : regexes) {
				if (regex == null) {
					throw new IllegalArgumentException("Invalid redaction pattern: null");
				}
				try {
					compiled.add(Pattern.compile(regex));
				}
				catch (PatternSyntaxException ex) {
					throw new IllegalArgumentException(
							"Invalid redaction pattern '" + regex + "': " + ex.getDescription(), ex);
				}
			}
			this.customPatterns.clear();
			this.customPatterns.addAll(compiled);
			return this;
		}

		/**
		 * Sets the text that replaces each secret.
		 * @param replacement the replacement, not {@code null}
		 * @return this builder
		 */
		public Builder replacement(String replacement) {
			this.replacement = Objects.requireNonNull(replacement, "replacement must not be null");
			return this;
		}

		/**
		 * Builds an immutable policy; the builder may be reused.
		 * @return the policy
		 */
		public RedactionPolicy build() {
			return new RedactionPolicy(this);
		}

	}

}
