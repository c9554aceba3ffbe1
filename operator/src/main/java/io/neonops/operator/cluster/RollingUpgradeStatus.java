package io.neonops.operator.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** {@code status.upgrade}: the rolling upgrade under way; absent when there is none. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RollingUpgradeStatus {
    @JsonPropertyDescription("What the pods still on the old spec run; absent when they do not record it")
    private SoftwareVersion from;

    @JsonPropertyDescription("What the spec asks for")
    private SoftwareVersion to;

    @JsonPropertyDescription("The pod the roll is at: being restarted, awaited, halted on or blocked before")
    private String currentPod;

    @JsonPropertyDescription("What the roll does at that pod, e.g. \"draining demo-pageserver-1\" or \"filling demo-pageserver-1\"")
    private String step;

    @JsonPropertyDescription("Pods that run the current spec, Ready or not")
    private Integer updatedPods;

    @JsonPropertyDescription("Pods the spec asks for")
    private Integer totalPods;

    @JsonPropertyDescription("When the roll began waiting at currentPod, for a step whose timeout counts from there (RFC 3339)")
    private String waitingSince;

    public SoftwareVersion getFrom() {
        return from;
    }

    public void setFrom(SoftwareVersion from) {
        this.from = from;
    }

    public SoftwareVersion getTo() {
        return to;
    }

    public void setTo(SoftwareVersion to) {
        this.to = to;
    }

    public String getCurrentPod() {
        return currentPod;
    }

    public void setCurrentPod(String currentPod) {
        this.currentPod = currentPod;
    }

    public String getStep() {
        return step;
    }

    public void setStep(String step) {
        this.step = step;
    }

    public Integer getUpdatedPods() {
        return updatedPods;
    }

    public void setUpdatedPods(Integer updatedPods) {
        this.updatedPods = updatedPods;
    }

    public Integer getTotalPods() {
        return totalPods;
    }

    public void setTotalPods(Integer totalPods) {
        this.totalPods = totalPods;
    }

    public String getWaitingSince() {
        return waitingSince;
    }

    public void setWaitingSince(String waitingSince) {
        this.waitingSince = waitingSince;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RollingUpgradeStatus other && Objects.equals(from, other.from) && Objects.equals(to, other.to)
                && Objects.equals(currentPod, other.currentPod) && Objects.equals(step, other.step)
                && Objects.equals(updatedPods, other.updatedPods)
                && Objects.equals(totalPods, other.totalPods) && Objects.equals(waitingSince, other.waitingSince);
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, to, currentPod, step, updatedPods, totalPods, waitingSince);
    }

    @Override
    public String toString() {
        return "{from=" + from + ", to=" + to + ", currentPod=" + currentPod + ", step=" + step + ", updatedPods=" + updatedPods
                + ", totalPods=" + totalPods + ", waitingSince=" + waitingSince + "}";
    }
}
