package io.neonops.operator.pageserver;

import static io.neonops.operator.testing.SpecFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.neonops.operator.testing.FakePageservers;
import io.neonops.operator.upgrade.TimelineLookup;
import io.neonops.operator.upgrade.TimelinePgVersion;
import io.neonops.storage.common.testing.FakeHttpServer;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PageserverTimelinesTest {

    private static final String TENANT_A = "de200bd42b49cc1814412c7e592dd6e9";
    private static final String TENANT_B = "0123456789abcdef0123456789abcdef";
    private static final String TIMELINE_1 = "1f2e3d4c5b6a79880123456789abcdef";
    private static final String TIMELINE_2 = "00112233445566778899aabbccddeeff";

    private static final PageserverApiToken NO_TOKEN = new PageserverApiToken.NotNeeded();
    private static final String AUTH = "auth: {enabled: true, publicKeySecret: neon-keys, apiTokenSecret: token}";

    private final FakePageservers pageservers = FakePageservers.start();
    private final PageserverTimelines timelines = pageservers.timelines();

    @AfterEach
    void stopPageservers() {
        pageservers.close();
    }

    @Test
    void listsEveryTimelineOfEveryTenantWithItsPostgresMajor() {
        List<TimelinePgVersion> held = List.of(new TimelinePgVersion(TENANT_A, TIMELINE_1, 16),
                new TimelinePgVersion(TENANT_A, TIMELINE_2, 17), new TimelinePgVersion(TENANT_B, TIMELINE_1, 16));
        pageservers.serve("ns", held);

        assertThat(timelines.lookup(spec(""), List.of(0), NO_TOKEN)).isEqualTo(new TimelineLookup.Answered(held));
    }

    @Test
    void asksEachPageserverAtItsPodDnsNameAndHttpPort() {
        pageservers.serve("ns", List.of());

        timelines.lookup(spec("pageserver: {replicas: 2}"), List.of(1, 0), NO_TOKEN);

        assertThat(pageservers.asked("ns")).containsExactly(
                URI.create("http://demo-pageserver-0.demo-pageserver.ns.svc.cluster.local:9898"),
                URI.create("http://demo-pageserver-1.demo-pageserver.ns.svc.cluster.local:9898"));
    }

    @Test
    void aPageserverThatCannotBeAskedMakesTheAnswerUnavailableNamingIt() {
        TimelineLookup lookup = timelines.lookup(spec(""), List.of(0), NO_TOKEN);

        assertThat(lookup).isInstanceOfSatisfying(TimelineLookup.Unavailable.class, unavailable ->
                assertThat(unavailable.reason()).startsWith("pageserver demo-pageserver-0: GET http://127.0.0.1:"));
    }

    @Test
    void withoutATokenForAnAuthEnabledClusterNothingIsAskedAndTheReasonIsPassedOn() {
        pageservers.serve("ns", List.of());

        TimelineLookup lookup = timelines.lookup(spec(AUTH), List.of(0),
                new PageserverApiToken.Unavailable("spec.auth.apiTokenSecret: Secret ns/token does not exist"));

        assertThat(lookup).isEqualTo(new TimelineLookup.Unavailable("spec.auth.apiTokenSecret: Secret ns/token does not exist"));
        assertThat(pageservers.asked("ns")).isEmpty();
    }

    @Test
    void theTokenGoesToEveryRequestAsABearerToken() {
        FakeHttpServer server = pageservers.serve("ns");
        server.respond("GET", "/v1/tenant", 200, "[{\"id\":\"" + TENANT_A + "\",\"state\":\"Active\"}]");
        server.respond("GET", "/v1/tenant/" + TENANT_A + "/timeline", 200, "[]");

        TimelineLookup lookup = timelines.lookup(spec(AUTH), List.of(0), new PageserverApiToken.Bearer("header.payload.sig"));

        assertThat(lookup).isEqualTo(new TimelineLookup.Answered(List.of()));
        assertThat(server.requests()).hasSize(2)
                .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer header.payload.sig"));
    }

    @Test
    void aRefusedTokenMakesTheAnswerUnavailableWithTheServersWord() {
        pageservers.serve("ns").respond("GET", "/v1/tenant", 401, "{\"msg\":\"malformed jwt token\"}");

        TimelineLookup lookup = timelines.lookup(spec(AUTH), List.of(0), new PageserverApiToken.Bearer("expired"));

        assertThat(lookup).isInstanceOfSatisfying(TimelineLookup.Unavailable.class, unavailable ->
                assertThat(unavailable.reason()).startsWith("pageserver demo-pageserver-0: ").contains("malformed jwt token"));
    }

    @Test
    void aTimelineThatDoesNotSayItsPostgresMajorMakesTheAnswerUnavailable() {
        FakeHttpServer server = pageservers.serve("ns");
        server.respond("GET", "/v1/tenant", 200, "[{\"id\":\"" + TENANT_A + "\",\"state\":\"Active\"}]");
        server.respond("GET", "/v1/tenant/" + TENANT_A + "/timeline", 200, "[{\"tenant_id\":\"" + TENANT_A
                + "\",\"timeline_id\":\"" + TIMELINE_1 + "\",\"last_record_lsn\":\"0/16B5A50\","
                + "\"disk_consistent_lsn\":\"0/16B5A50\"}]");

        TimelineLookup lookup = timelines.lookup(spec(""), List.of(0), NO_TOKEN);

        assertThat(lookup).isEqualTo(new TimelineLookup.Unavailable("pageserver demo-pageserver-0 does not say"
                + " which Postgres major tenant " + TENANT_A + " timeline " + TIMELINE_1 + " uses"));
    }

    @Test
    void noPageserverWithDataIsAnEmptyAnswer() {
        assertThat(timelines.lookup(spec(""), List.of(), NO_TOKEN)).isEqualTo(new TimelineLookup.Answered(List.of()));
    }
}
