package io.neonops.chart;

/** Values layered over the chart's values.yaml, as a user passes them with {@code helm install -f}. */
record ValuesOverride(String description, String yaml) {

    static final ValuesOverride DEFAULTS = new ValuesOverride("defaults", "{}");

    static ValuesOverride of(String description, String yaml) {
        return new ValuesOverride(description, yaml);
    }

    @Override
    public String toString() {
        return description;
    }
}
