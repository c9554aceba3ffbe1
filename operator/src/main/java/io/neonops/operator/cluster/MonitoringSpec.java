package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What the operator wires up for the cluster's metrics. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MonitoringSpec {
    @JsonPropertyDescription("Create a Prometheus Operator PodMonitor (monitoring.coreos.com/v1) scraping every daemon's "
            + "/metrics; default: the operator's --pod-monitors-by-default")
    private Boolean podMonitor;

    public Boolean getPodMonitor() {
        return podMonitor;
    }

    public void setPodMonitor(Boolean podMonitor) {
        this.podMonitor = podMonitor;
    }
}
