package io.sightline.dashboards.lint;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A small PromQL scanner, enough for the lint rules: it finds every series selector with its label matchers, its
 * range and the calls around it, and every range-taking call with the range of its argument. It is not a parser:
 * {@code promtool check rules} (see {@link PromtoolRules}) decides whether an expression is valid. Grafana variables
 * ({@code $var}, {@code ${var}}, {@code [[var]]}) are accepted where PromQL has a value.
 */
public final class PromqlScanner {

	/** Calls whose argument must be a range of a counter. */
	public static final Set<String> COUNTER_FUNCTIONS = Set.of("rate", "irate", "increase", "resets");

	/** Calls whose range must be {@code $__rate_interval}. */
	public static final Set<String> RATE_FUNCTIONS = Set.of("rate", "irate", "increase");

	private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
			"count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");

	private static final Set<String> GROUPING = Set.of("by", "without", "on", "ignoring", "group_left",
			"group_right");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan",
			"atan2");

	private PromqlScanner() {
	}

	/** {@code label op "value"} inside braces. */
	public record Matcher(String label, String op, String value) {

		public boolean isEquality() {
			return "=".equals(this.op) || "=~".equals(this.op);
		}

	}

	/**
	 * A series selector.
	 * @param metric the metric name, or {@code null} when only matchers are given and none is on {@code __name__}
	 * @param matchers its label matchers
	 * @param range the text between {@code [} and {@code ]} when it is a range selector, else {@code null}
	 * @param enclosing the calls and parentheses around it, innermost first ({@code "("} for a plain parenthesis)
	 */
	public record Selector(String metric, List<Matcher> matchers, String range, List<String> enclosing) {

		public Optional<Matcher> matcher(String label) {
			return this.matchers.stream().filter((matcher) -> matcher.label().equals(label)).findFirst();
		}

		public String immediateCall() {
			return this.enclosing.isEmpty() ? null : this.enclosing.get(0);
		}

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder((this.metric != null) ? this.metric : "");
			if (!this.matchers.isEmpty()) {
				text.append('{');
				for (int i = 0; i < this.matchers.size(); i++) {
					Matcher matcher = this.matchers.get(i);
					text.append((i > 0) ? ", " : "").append(matcher.label()).append(matcher.op()).append('"')
						.append(matcher.value()).append('"');
				}
				text.append('}');
			}
			if (this.range != null) {
				text.append('[').append(this.range).append(']');
			}
			return text.toString();
		}

	}

	/** A call of {@code function} whose argument carries the range {@code range} ({@code null}: none). */
	public record RangeCall(String function, String range) {
	}

	/** What {@link #analyze(String)} found; {@code errors} lists what the scanner could not make sense of. */
	public record Analysis(List<Selector> selectors, List<RangeCall> calls, List<String> errors) {
	}

	public static Analysis analyze(String expr) {
		List<String> errors = new ArrayList<>();
		List<Token> tokens = new Tokenizer(expr, errors).tokens();
		List<Selector> selectors = new ArrayList<>();
		List<RangeCall> calls = new ArrayList<>();
		Deque<Frame> stack = new ArrayDeque<>();
		String pendingCall = null;
		String pendingAggregation = null;
		boolean pendingGrouping = false;
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			Token next = (i + 1 < tokens.size()) ? tokens.get(i + 1) : null;
			switch (token.kind) {
				case IDENT -> {
					String lower = token.text.toLowerCase(Locale.ROOT);
					boolean inGrouping = !stack.isEmpty() && stack.peek().kind == FrameKind.GROUPING;
					if (inGrouping) {
						continue; // a label name of by (…), on (…) …
					}
					if (GROUPING.contains(lower)) {
						pendingGrouping = next != null && next.kind == Kind.LPAREN;
						continue;
					}
					if (KEYWORDS.contains(lower)) {
						continue;
					}
					if (next != null && next.kind == Kind.LPAREN) {
						pendingCall = token.text;
						continue;
					}
					if (AGGREGATIONS.contains(lower) && next != null && next.kind == Kind.IDENT
							&& Set.of("by", "without").contains(next.text.toLowerCase(Locale.ROOT))) {
						pendingAggregation = token.text;
						continue;
					}
					i = selector(token.text, tokens, i + 1, stack, selectors);
				}
				case MATCHERS -> i = selector(null, tokens, i, stack, selectors);
				case LPAREN -> {
					if (pendingGrouping) {
						stack.push(new Frame(FrameKind.GROUPING, null));
					}
					else if (pendingCall != null) {
						stack.push(new Frame(FrameKind.CALL, pendingCall));
					}
					else if (pendingAggregation != null) {
						stack.push(new Frame(FrameKind.CALL, pendingAggregation));
						pendingAggregation = null;
					}
					else {
						stack.push(new Frame(FrameKind.PAREN, "("));
					}
					pendingGrouping = false;
					pendingCall = null;
				}
				case RPAREN -> {
					if (stack.isEmpty()) {
						errors.add("unbalanced ')' at offset " + token.offset);
						continue;
					}
					Frame frame = stack.pop();
					if (frame.kind == FrameKind.CALL
							&& COUNTER_FUNCTIONS.contains(frame.name.toLowerCase(Locale.ROOT))) {
						calls.add(new RangeCall(frame.name.toLowerCase(Locale.ROOT), frame.range));
					}
				}
				case RANGE -> {
					// a subquery range after ')' belongs to the call around it
					if (!stack.isEmpty()) {
						stack.peek().range = token.text;
					}
				}
				default -> {
					// numbers, strings, operators, commas, variables
				}
			}
		}
		if (!stack.isEmpty()) {
			errors.add("unbalanced '(': " + stack.size() + " left open");
		}
		return new Analysis(List.copyOf(selectors), List.copyOf(calls), List.copyOf(errors));
	}

	/** Reads a selector whose matchers (if any) start at {@code index}; returns the index of its last token. */
	private static int selector(String metric, List<Token> tokens, int index, Deque<Frame> stack,
			List<Selector> selectors) {
		List<Matcher> matchers = List.of();
		int last = index - 1;
		if (index < tokens.size() && tokens.get(index).kind == Kind.MATCHERS) {
			matchers = tokens.get(index).matchers;
			last = index;
		}
		String range = null;
		if (last + 1 < tokens.size() && tokens.get(last + 1).kind == Kind.RANGE) {
			range = tokens.get(last + 1).text;
			last++;
			if (!stack.isEmpty()) {
				stack.peek().range = range;
			}
		}
		String name = metric;
		if (name == null) {
			name = matchers.stream()
				.filter((matcher) -> matcher.label().equals("__name__") && matcher.op().equals("="))
				.map(Matcher::value)
				.findFirst()
				.orElse(null);
		}
		List<String> enclosing = new ArrayList<>();
		stack.forEach((frame) -> enclosing.add(frame.name));
		selectors.add(new Selector(name, matchers, range, List.copyOf(enclosing)));
		return last;
	}

	private enum FrameKind {

		CALL, PAREN, GROUPING

	}

	private static final class Frame {

		final FrameKind kind;

		final String name;

		String range;

		Frame(FrameKind kind, String name) {
			this.kind = kind;
			this.name = name;
		}

	}

	private enum Kind {

		IDENT, NUMBER, STRING, VARIABLE, LPAREN, RPAREN, MATCHERS, RANGE, OTHER

	}

	private static final class Token {

		final Kind kind;

		final String text;

		final int offset;

		final List<Matcher> matchers;

		Token(Kind kind, String text, int offset, List<Matcher> matchers) {
			this.kind = kind;
			this.text = text;
			this.offset = offset;
			this.matchers = matchers;
		}

	}

	private static final class Tokenizer {

		private final String s;

		private final List<String> errors;

		private int pos;

		Tokenizer(String s, List<String> errors) {
			this.s = s;
			this.errors = errors;
		}

		List<Token> tokens() {
			List<Token> tokens = new ArrayList<>();
			while (true) {
				skipSpace();
				if (this.pos >= this.s.length()) {
					return tokens;
				}
				int start = this.pos;
				char c = this.s.charAt(this.pos);
				if (c == '#') {
					while (this.pos < this.s.length() && this.s.charAt(this.pos) != '\n') {
						this.pos++;
					}
				}
				else if (c == '"' || c == '\'' || c == '`') {
					tokens.add(new Token(Kind.STRING, string(), start, null));
				}
				else if (c == '$') {
					tokens.add(new Token(Kind.VARIABLE, variable(), start, null));
				}
				else if (this.s.startsWith("[[", this.pos)) {
					int end = this.s.indexOf("]]", this.pos);
					this.pos = (end < 0) ? this.s.length() : end + 2;
					tokens.add(new Token(Kind.VARIABLE, this.s.substring(start, this.pos), start, null));
				}
				else if (c == '[') {
					int end = this.s.indexOf(']', this.pos);
					if (end < 0) {
						this.errors.add("unclosed '[' at offset " + start);
						this.pos = this.s.length();
					}
					else {
						tokens.add(new Token(Kind.RANGE, this.s.substring(start + 1, end).trim(), start, null));
						this.pos = end + 1;
					}
				}
				else if (c == '{') {
					tokens.add(new Token(Kind.MATCHERS, null, start, matchers()));
				}
				else if (c == '}' || c == ']') {
					this.errors.add("unbalanced '" + c + "' at offset " + start);
					this.pos++;
				}
				else if (c == '(') {
					this.pos++;
					tokens.add(new Token(Kind.LPAREN, "(", start, null));
				}
				else if (c == ')') {
					this.pos++;
					tokens.add(new Token(Kind.RPAREN, ")", start, null));
				}
				else if (Character.isDigit(c) || (c == '.' && this.pos + 1 < this.s.length()
						&& Character.isDigit(this.s.charAt(this.pos + 1)))) {
					while (this.pos < this.s.length() && (Character.isLetterOrDigit(this.s.charAt(this.pos))
							|| this.s.charAt(this.pos) == '.' || this.s.charAt(this.pos) == '_')) {
						this.pos++;
					}
					tokens.add(new Token(Kind.NUMBER, this.s.substring(start, this.pos), start, null));
				}
				else if (isIdentStart(c)) {
					tokens.add(new Token(Kind.IDENT, identifier(), start, null));
				}
				else {
					this.pos++;
					tokens.add(new Token(Kind.OTHER, String.valueOf(c), start, null));
				}
			}
		}

		private List<Matcher> matchers() {
			int start = this.pos;
			this.pos++; // {
			List<Matcher> matchers = new ArrayList<>();
			while (true) {
				skipSpace();
				if (this.pos >= this.s.length()) {
					this.errors.add("unclosed '{' at offset " + start);
					return matchers;
				}
				char c = this.s.charAt(this.pos);
				if (c == '}') {
					this.pos++;
					return matchers;
				}
				if (c == ',') {
					this.pos++;
					continue;
				}
				String label;
				if (c == '"' || c == '\'' || c == '`') {
					label = string();
				}
				else if (isIdentStart(c)) {
					label = identifier();
				}
				else {
					return skipMatchers(start, "a label name expected at offset " + this.pos);
				}
				skipSpace();
				String op = null;
				for (String candidate : List.of("=~", "!~", "!=", "=")) {
					if (this.s.startsWith(candidate, this.pos)) {
						op = candidate;
						this.pos += candidate.length();
						break;
					}
				}
				if (op == null) {
					return skipMatchers(start, "a matcher operator expected after '" + label + "'");
				}
				skipSpace();
				if (this.pos >= this.s.length()) {
					this.errors.add("unclosed '{' at offset " + start);
					return matchers;
				}
				char quote = this.s.charAt(this.pos);
				if (quote != '"' && quote != '\'' && quote != '`') {
					return skipMatchers(start, "the value of '" + label + "' must be a quoted string");
				}
				matchers.add(new Matcher(label, op, string()));
			}
		}

		private List<Matcher> skipMatchers(int start, String error) {
			this.errors.add(error + " (in the matchers at offset " + start + ")");
			int end = this.s.indexOf('}', this.pos);
			this.pos = (end < 0) ? this.s.length() : end + 1;
			return List.of();
		}

		private String string() {
			char quote = this.s.charAt(this.pos);
			int start = this.pos;
			this.pos++;
			StringBuilder value = new StringBuilder();
			while (this.pos < this.s.length()) {
				char c = this.s.charAt(this.pos);
				if (c == quote) {
					this.pos++;
					return value.toString();
				}
				if (c == '\\' && quote != '`' && this.pos + 1 < this.s.length()) {
					value.append(c).append(this.s.charAt(this.pos + 1));
					this.pos += 2;
					continue;
				}
				value.append(c);
				this.pos++;
			}
			this.errors.add("unclosed string at offset " + start);
			return value.toString();
		}

		private String variable() {
			int start = this.pos;
			this.pos++; // $
			if (this.pos < this.s.length() && this.s.charAt(this.pos) == '{') {
				int end = this.s.indexOf('}', this.pos);
				this.pos = (end < 0) ? this.s.length() : end + 1;
			}
			else {
				while (this.pos < this.s.length() && (Character.isLetterOrDigit(this.s.charAt(this.pos))
						|| this.s.charAt(this.pos) == '_')) {
					this.pos++;
				}
			}
			return this.s.substring(start, this.pos);
		}

		private String identifier() {
			int start = this.pos;
			while (this.pos < this.s.length() && isIdentPart(this.s.charAt(this.pos))) {
				this.pos++;
			}
			return this.s.substring(start, this.pos);
		}

		private void skipSpace() {
			while (this.pos < this.s.length() && Character.isWhitespace(this.s.charAt(this.pos))) {
				this.pos++;
			}
		}

		private static boolean isIdentStart(char c) {
			return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
		}

		private static boolean isIdentPart(char c) {
			return isIdentStart(c) || (c >= '0' && c <= '9');
		}

	}

}
