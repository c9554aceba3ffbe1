package io.neonops.operator.testing;

import io.neonops.safekeeper.api.TenantTimelineId;
import io.neonops.safekeeper.api.TimelineWalMetrics;
import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.testing.FakeHttpServer;
import io.neonops.storage.common.testing.FakeHttpServer.Answer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One safekeeper's management API, as far as the restart rule reads it, in both generations: the timeline listing
 * and per-timeline status of modern releases, and the per-timeline gauges of {@code /metrics} of 2022 releases.
 * A test sets how far it holds each timeline, holds a timeline back, releases it, or silences it.
 */
public final class FakeSafekeeper implements AutoCloseable {

    /** How far it holds one timeline. */
    public record Position(Lsn flush, Lsn commit) {
    }

    private final long nodeId;
    private final FakeHttpServer server = FakeHttpServer.start();
    private final Map<TenantTimelineId, Position> timelines = new TreeMap<>();
    private volatile boolean answering = true;

    FakeSafekeeper(long nodeId) {
        this.nodeId = nodeId;
        server.respond("GET", "/v1/status", 200, "{\"id\":" + nodeId + "}");
        server.respondWith("GET", "/v1/tenant/timeline", request -> new Answer(200, listing()));
        server.respondWith("GET", "/metrics", request -> new Answer(200, metrics()));
    }

    /** It holds {@code timeline} up to these positions (flushed, and known committed). */
    public synchronized FakeSafekeeper holds(TenantTimelineId timeline, Lsn flush, Lsn commit) {
        if (timelines.put(timeline, new Position(flush, commit)) == null) {
            String path = "/v1/tenant/" + timeline.tenantId() + "/timeline/" + timeline.timelineId();
            server.respondWith("GET", path, request -> status(timeline));
            server.respondWith("DELETE", path, request -> delete(timeline));
        }
        return this;
    }

    /** Connections to it are refused until {@link #answer()}. */
    public void silence() {
        answering = false;
    }

    public void answer() {
        answering = true;
    }

    /** Where it listens, or nowhere while silenced. */
    URI baseUriOr(URI nothingListening) {
        return answering ? server.baseUri() : nothingListening;
    }

    /** The paths it was asked for. */
    public List<String> paths() {
        return server.requests().stream().map(FakeHttpServer.RecordedRequest::path).toList();
    }

    private synchronized String listing() {
        return timelines.keySet().stream()
                .map(id -> "{\"tenant_id\":\"" + id.tenantId() + "\",\"timeline_id\":\"" + id.timelineId() + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** Whether it still holds {@code timeline}: a DELETE of its path removes it. */
    public synchronized boolean holds(TenantTimelineId timeline) {
        return timelines.containsKey(timeline);
    }

    /** As a 2022 safekeeper answers: whether the timeline's directory existed, whether a compute was streaming. */
    private synchronized Answer delete(TenantTimelineId id) {
        boolean existed = timelines.remove(id) != null;
        return new Answer(200, "{\"dir_existed\":" + existed + ",\"was_active\":false}");
    }

    private synchronized Answer status(TenantTimelineId id) {
        Position at = timelines.get(id);
        if (at == null) {
            return new Answer(404, "{\"msg\":\"timeline " + id + " not found\"}");
        }
        return new Answer(200, "{\"tenant_id\":\"" + id.tenantId() + "\",\"timeline_id\":\"" + id.timelineId()
                + "\",\"mconf\":{\"generation\":0,\"members\":[],\"new_members\":null},\"flush_lsn\":\"" + at.flush()
                + "\",\"commit_lsn\":\"" + at.commit() + "\",\"peers\":[],\"walsenders\":[],\"walreceivers\":[]}");
    }

    /** The gauges as a 2022 safekeeper writes them, LSNs as plain numbers. */
    private synchronized String metrics() {
        StringBuilder text = new StringBuilder("# HELP safekeeper_flush_lsn Current flush_lsn, grouped by timeline\n"
                + "# TYPE " + TimelineWalMetrics.FLUSH_LSN + " gauge\n");
        timelines.forEach((id, at) -> text.append(sample(TimelineWalMetrics.FLUSH_LSN, id, at.flush())));
        text.append("# TYPE " + TimelineWalMetrics.COMMIT_LSN + " gauge\n");
        timelines.forEach((id, at) -> text.append(sample(TimelineWalMetrics.COMMIT_LSN, id, at.commit())));
        return text.toString();
    }

    private static String sample(String name, TenantTimelineId id, Lsn lsn) {
        return name + "{tenant_id=\"" + id.tenantId() + "\",timeline_id=\"" + id.timelineId() + "\"} "
                + Long.toUnsignedString(lsn.value()) + "\n";
    }

    @Override
    public String toString() {
        return "fake safekeeper " + nodeId;
    }

    @Override
    public void close() {
        server.close();
    }
}
