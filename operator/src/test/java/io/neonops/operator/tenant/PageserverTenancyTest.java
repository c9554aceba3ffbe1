package io.neonops.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neonops.controller.api.LsnByTimestamp;
import io.neonops.controller.api.TimelineCreateRequest;
import io.neonops.operator.testing.FakeLegacyPageservers;
import io.neonops.pageserver.api.PageserverClient;
import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.PgMajorVersion;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.TimelineId;
import io.neonops.storage.common.api.ApiClientSettings;
import io.neonops.storage.common.api.NeonApiException;
import io.neonops.storage.common.testing.FakeHttpServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The 2022 tenancy calls against fakes of 2022 pageservers, without Kubernetes. */
class PageserverTenancyTest {

    private static final TenantId TENANT = TenantId.of("1f359dd625e519a1a4e8d7509690f6fc");
    private static final TimelineId MAIN = TimelineId.of("de200bd42b49cc1814412c7e592dd6e9");

    private final FakeLegacyPageservers fakes = FakeLegacyPageservers.start();

    @AfterEach
    void close() {
        fakes.close();
    }

    private PageserverClient pageserver(int index) {
        return fakes.connector().connect(ApiClientSettings.of(URI.create("http://demo-pageserver-" + index
                + ".demo-pageserver.ns.svc.cluster.local:9898")).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }

    private PageserverTenancy tenancy(int pageservers) {
        return new PageserverTenancy(IntStream.range(0, pageservers).mapToObj(this::pageserver).toList(), List.of());
    }

    @Test
    void theHomeOfATenantIsStableForAnIdAndWithinThePageservers() {
        assertThat(PageserverTenancy.home(TENANT, 3)).isEqualTo(PageserverTenancy.home(TenantId.of(TENANT.hex()), 3))
                .isBetween(0, 2);
        assertThat(PageserverTenancy.home(TENANT, 1)).isZero();
    }

    @Test
    void aTenantIsFoundOnWhicheverPageserverHoldsItNotOnlyOnItsHome() {
        int elsewhere = (PageserverTenancy.home(TENANT, 3) + 1) % 3;
        fakes.hold("demo-pageserver-" + elsewhere, TENANT.hex());

        assertThat(tenancy(3).tenant(TENANT)).hasValueSatisfying(t -> assertThat(t.shards()).singleElement()
                .satisfies(shard -> assertThat(shard.nodeAttached()).hasValueSatisfying(
                        node -> assertThat(node.value()).isEqualTo(elsewhere + 1L))));
    }

    @Test
    void nothingIsFoundWhileAPageserverCannotBeAskedSoThatNoSecondTenantIsCreated() {
        URI down;
        try (FakeHttpServer closed = FakeHttpServer.start()) {
            down = closed.baseUri();
        }
        PageserverClient unreachable = new PageserverClient(ApiClientSettings.of(down)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));
        PageserverTenancy tenancy = new PageserverTenancy(List.of(pageserver(0), unreachable), List.of());

        assertThatThrownBy(() -> tenancy.tenant(TENANT)).isInstanceOf(NeonApiException.class);
    }

    @Test
    void the2022AnswersOfLsnByTimestampMapToTheirKindsAndFutureToTheParentsLastRecord() {
        fakes.hold("demo-pageserver-0", TENANT.hex());
        PageserverTenancy tenancy = tenancy(1);
        Lsn last = tenancy.createTimeline(TENANT, new TimelineCreateRequest.Bootstrap(MAIN, PgMajorVersion.V15))
                .lastRecordLsn();
        Instant at = Instant.parse("2026-11-30T09:00:00Z");

        fakes.answerLsnByTimestamp(MAIN.hex(), "0/1500000");
        assertThat(tenancy.lsnByTimestamp(TENANT, MAIN, at)).isEqualTo(new LsnByTimestamp(Lsn.parse("0/1500000"),
                LsnByTimestamp.Kind.PRESENT));
        fakes.answerLsnByTimestamp(MAIN.hex(), "future");
        assertThat(tenancy.lsnByTimestamp(TENANT, MAIN, at)).isEqualTo(new LsnByTimestamp(last, LsnByTimestamp.Kind.FUTURE));
        fakes.answerLsnByTimestamp(MAIN.hex(), "past");
        assertThat(tenancy.lsnByTimestamp(TENANT, MAIN, at).found()).isFalse();
        fakes.answerLsnByTimestamp(MAIN.hex(), "nodata");
        assertThat(tenancy.lsnByTimestamp(TENANT, MAIN, at).kind()).isEqualTo(LsnByTimestamp.Kind.NODATA);
    }
}
