package org.fastai4j.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The command-line options of an example: {@code --key value} pairs, every one optional, each
 * example declaring the keys it knows and their defaults. A key the example does not know, a
 * missing value or a value of the wrong kind is an {@link IllegalArgumentException} that names
 * the option, the value and what was expected. {@code --help} is answered by {@link #usage()}.
 */
public final class ExampleArgs {
    /** The shipped sample, relative to the repository root. */
    public static final String DEFAULT_DATA = "data/fashion-mnist-sample";

    private final String example;
    private final Map<String, String> defaults;
    private final Map<String, String> values;
    private final boolean help;

    private ExampleArgs(String example, Map<String, String> defaults, Map<String, String> values,
            boolean help) {
        this.example = example;
        this.defaults = defaults;
        this.values = values;
        this.help = help;
    }

    /**
     * Parses {@code args} against the known keys of {@code example}.
     *
     * @param example the example's name, used in the default output folder and in messages
     * @param args the command-line arguments, {@code --key value} pairs
     * @param defaults the known keys and their default values, as {@code key, value, key, value...}
     *     ({@code data} and {@code out} are always known)
     * @return the parsed options
     */
    public static ExampleArgs parse(String example, String[] args, String... defaults) {
        if (defaults.length % 2 != 0) {
            throw new IllegalArgumentException("defaults must be key/value pairs, got " + defaults.length + " strings");
        }
        Map<String, String> known = new LinkedHashMap<>();
        known.put("data", DEFAULT_DATA);
        known.put("out", "runs/examples/" + example);
        for (int i = 0; i < defaults.length; i += 2) {
            known.put(defaults[i], defaults[i + 1]);
        }
        Map<String, String> values = new LinkedHashMap<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                help = true;
                continue;
            }
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + a + "'; expected --key value with key one of "
                        + known.keySet());
            }
            String key = a.substring(2);
            String value = null;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            }
            if (!known.containsKey(key)) {
                throw new IllegalArgumentException("Unknown option --" + key + " for " + example
                        + "; expected one of " + known.keySet().stream().map(k -> "--" + k).toList());
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Option --" + key + " needs a value (default "
                            + known.get(key) + ")");
                }
                value = args[++i];
            }
            values.put(key, value);
        }
        return new ExampleArgs(example, known, values, help);
    }

    /**
     * Whether {@code --help} was given.
     *
     * @return true if the example should only print {@link #usage()}
     */
    public boolean help() {
        return help;
    }

    /**
     * One line per option with its default.
     *
     * @return the usage text
     */
    public String usage() {
        StringBuilder sb = new StringBuilder("Options of " + example + " (all optional):\n");
        defaults.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  --%-10s default %s%n", k, v)));
        return sb.toString();
    }

    /**
     * The raw value of {@code key}: given, else its default.
     *
     * @param key an option of this example, without the dashes
     * @return its value
     */
    public String string(String key) {
        if (!defaults.containsKey(key)) {
            throw new IllegalArgumentException("Option --" + key + " is not an option of " + example);
        }
        return values.getOrDefault(key, defaults.get(key));
    }

    /**
     * The value of {@code key} as an integer of at least {@code min}.
     *
     * @param key an option of this example
     * @param min the smallest value accepted
     * @return its value
     */
    public int integer(String key, int min) {
        String s = string(key);
        int v;
        try {
            v = Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option --" + key + " must be an integer, got '" + s + "'", e);
        }
        if (v < min) {
            throw new IllegalArgumentException("Option --" + key + " must be at least " + min + ", got " + v);
        }
        return v;
    }

    /**
     * The value of {@code key} as a positive, finite number.
     *
     * @param key an option of this example
     * @return its value
     */
    public double positive(String key) {
        String s = string(key);
        double v;
        try {
            v = Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option --" + key + " must be a number, got '" + s + "'", e);
        }
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("Option --" + key + " must be positive and finite, got " + s);
        }
        return v;
    }

    /**
     * The value of {@code key} as one of {@code choices} (case-insensitive), lower-cased.
     *
     * @param key an option of this example
     * @param choices the values accepted, lower-case
     * @return the value given, lower-cased
     */
    public String choice(String key, String... choices) {
        String s = string(key).trim().toLowerCase(Locale.ROOT);
        Set<String> ok = new TreeSet<>();
        for (String c : choices) {
            ok.add(c);
            if (c.equals(s)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Option --" + key + " must be one of " + ok + ", got '" + string(key) + "'");
    }

    /**
     * The data folder: {@code --data} if given; else the shipped sample, looked up from the working
     * directory and from its parent (so it is found from the repository root and from a module).
     *
     * @return an existing folder
     */
    public Path data() {
        Path p = Path.of(string("data"));
        if (!values.containsKey("data") && !Files.isDirectory(p) && Files.isDirectory(Path.of("..").resolve(p))) {
            p = Path.of("..").resolve(p);
        }
        if (!Files.isDirectory(p)) {
            throw new IllegalArgumentException("Data folder " + p.toAbsolutePath()
                    + " does not exist; pass --data <folder of class folders>");
        }
        return p.normalize();
    }

    /**
     * The output folder.
     *
     * @return {@code --out}, default {@code runs/examples/<example>}
     */
    public Path out() {
        return Path.of(string("out"));
    }
}
