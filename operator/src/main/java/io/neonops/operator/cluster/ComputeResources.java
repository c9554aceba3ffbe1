package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;

/** CPU and memory requests and limits of a component's containers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ComputeResources {
    private Map<String, Quantity> requests;
    private Map<String, Quantity> limits;

    public Map<String, Quantity> getRequests() {
        return requests;
    }

    public void setRequests(Map<String, Quantity> requests) {
        this.requests = requests;
    }

    public Map<String, Quantity> getLimits() {
        return limits;
    }

    public void setLimits(Map<String, Quantity> limits) {
        this.limits = limits;
    }
}
