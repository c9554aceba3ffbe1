package io.neonops.operator.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The request-to-permission mapping the permission test relies on, checked against RBAC's own rules. */
class ApiRequestTest {

    @Test
    void getsWithoutANameAreListsOrWatches() {
        assertThat(permission("GET", "/api/v1/namespaces/a/pods?labelSelector=x&watch=true")).isEqualTo("watch pods");
        assertThat(permission("GET", "/api/v1/pods?labelSelector=x")).isEqualTo("list pods");
        assertThat(permission("GET", "/apis/coordination.k8s.io/v1/namespaces/ops/leases/neon")).isEqualTo(
                "get coordination.k8s.io/leases");
    }

    @Test
    void writesMapToTheirVerbsAndSubresourcesKeepTheirName() {
        assertThat(permission("POST", "/apis/events.k8s.io/v1/namespaces/a/events")).isEqualTo("create events.k8s.io/events");
        assertThat(permission("PATCH", "/apis/neonops.io/v1alpha1/namespaces/a/neonclusters/demo/status"))
                .isEqualTo("patch neonops.io/neonclusters/status");
        assertThat(permission("PUT", "/api/v1/namespaces/a/configmaps/demo")).isEqualTo("update configmaps");
        assertThat(permission("DELETE", "/api/v1/namespaces/a/pods/demo-etcd-0")).isEqualTo("delete pods");
        assertThat(permission("DELETE", "/api/v1/namespaces/a/pods")).isEqualTo("deletecollection pods");
    }

    @Test
    void namespaceIsKnownForNamespacedPathsOnly() {
        assertThat(ApiRequest.parse("GET", "/api/v1/namespaces/a/pods").namespace()).hasValue("a");
        assertThat(ApiRequest.parse("GET", "/api/v1/pods?watch=true").namespace()).isEmpty();
        assertThat(ApiRequest.parse("GET", "/version")).extracting(ApiRequest::permission).isEqualTo(Optional.empty());
    }

    private static String permission(String method, String path) {
        return ApiRequest.parse(method, path).permission().orElseThrow().toString();
    }
}
