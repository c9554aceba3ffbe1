package io.neonops.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.neonops.operator.etcd.EtcdConnector;
import io.neonops.operator.pageserver.PageserverConnector;
import io.neonops.operator.storcon.StorageControllerConnector;
import io.neonops.storage.common.api.ApiClientSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaemonHttpTest {

    /** Every {@code java.net.http.HttpClient} runs one selector thread, named after the client. */
    private static long httpClientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager"))
                .count();
    }

    @Test
    void connectingToManyDaemonsStartsNoNewHttpClient() {
        PageserverConnector.HTTP.connect(ApiClientSettings.of("http://demo-pageserver-0:9898"));
        EtcdConnector.HTTP.connect(List.of("http://demo-etcd-0:2379"));
        StorageControllerConnector.HTTP.connect(ApiClientSettings.of("http://demo-storage-controller:1234"));
        long before = httpClientThreads();

        for (int i = 0; i < 10; i++) {
            PageserverConnector.HTTP.connect(ApiClientSettings.of("http://demo-pageserver-" + i + ":9898"));
            EtcdConnector.HTTP.connect(List.of("http://demo-etcd-" + i + ":2379"));
            StorageControllerConnector.HTTP.connect(ApiClientSettings.of("http://demo-" + i + "-storage-controller:1234"));
        }

        assertThat(httpClientThreads()).isLessThanOrEqualTo(before);
    }
}
