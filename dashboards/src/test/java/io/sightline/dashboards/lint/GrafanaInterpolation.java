package io.sightline.dashboards.lint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Grafana does to every string value of a provisioning file before it uses it
 * (pkg/services/provisioning/values: {@code interpolateValue}): split the value on {@code "$$"}, expand each piece
 * with Go's {@code os.ExpandEnv} ({@code $NAME}, {@code ${NAME}}; unset → empty) after the {@code $__env{NAME}}
 * expander, and join the pieces with a single {@code "$"}. So {@code $$} is a literal dollar, and any other
 * {@code $…} is an environment lookup.
 */
public final class GrafanaInterpolation {

	private static final Pattern EXPANDER = Pattern.compile("\\$__(\\w+)\\{(.*?)}");

	private GrafanaInterpolation() {
	}

	/**
	 * @param value what Grafana ends up with
	 * @param lookups every environment variable (or expander, as {@code __name}) the value looked up
	 */
	public record Result(String value, Set<String> lookups) {
	}

	public static Result interpolate(String raw, Map<String, String> environment) {
		Set<String> lookups = new LinkedHashSet<>();
		Function<String, String> env = (name) -> {
			lookups.add(name);
			return environment.getOrDefault(name, "");
		};
		List<String> pieces = new ArrayList<>();
		for (String piece : raw.split(Pattern.quote("$$"), -1)) {
			pieces.add(expandEnv(expanders(piece, env), env));
		}
		return new Result(String.join("$", pieces), lookups);
	}

	/** {@code $__env{NAME}} reads the environment; other expanders ({@code $__file{…}} …) are recorded. */
	private static String expanders(String piece, Function<String, String> env) {
		Matcher matcher = EXPANDER.matcher(piece);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String replacement = "env".equals(matcher.group(1)) ? env.apply(matcher.group(2))
					: env.apply("__" + matcher.group(1));
			matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	/** A port of Go's {@code os.Expand}. */
	static String expandEnv(String s, Function<String, String> mapping) {
		StringBuilder buffer = new StringBuilder();
		int i = 0;
		for (int j = 0; j < s.length(); j++) {
			if (s.charAt(j) == '$' && j + 1 < s.length()) {
				buffer.append(s, i, j);
				String rest = s.substring(j + 1);
				String[] name = new String[1];
				int width = shellName(rest, name);
				if (name[0].isEmpty() && width > 0) {
					// invalid syntax ("${}"): Go eats the characters
				}
				else if (name[0].isEmpty()) {
					buffer.append('$'); // a lone "$"
				}
				else {
					buffer.append(mapping.apply(name[0]));
				}
				j += width;
				i = j + 1;
			}
		}
		if (i == 0) {
			return s;
		}
		return buffer.append(s.substring(Math.min(i, s.length()))).toString();
	}

	private static int shellName(String s, String[] name) {
		if (s.charAt(0) == '{') {
			if (s.length() > 2 && isShellSpecial(s.charAt(1)) && s.charAt(2) == '}') {
				name[0] = s.substring(1, 2);
				return 3;
			}
			for (int i = 1; i < s.length(); i++) {
				if (s.charAt(i) == '}') {
					if (i == 1) {
						name[0] = "";
						return 2;
					}
					name[0] = s.substring(1, i);
					return i + 1;
				}
			}
			name[0] = "";
			return 1; // no closing brace
		}
		if (isShellSpecial(s.charAt(0))) {
			name[0] = s.substring(0, 1);
			return 1;
		}
		int i = 0;
		while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) && s.charAt(i) < 128 || s.charAt(i) == '_')) {
			i++;
		}
		name[0] = s.substring(0, i);
		return i;
	}

	private static boolean isShellSpecial(char c) {
		return "*#$@!?-".indexOf(c) >= 0 || (c >= '0' && c <= '9');
	}

}
