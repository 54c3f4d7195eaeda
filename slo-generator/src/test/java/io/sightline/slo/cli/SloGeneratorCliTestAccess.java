package io.sightline.slo.cli;

import java.io.PrintStream;

/** Lets tests in other packages run the CLI without System.exit. */
public final class SloGeneratorCliTestAccess {

	private SloGeneratorCliTestAccess() {
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		return SloGeneratorCli.run(args, out, err);
	}

}
