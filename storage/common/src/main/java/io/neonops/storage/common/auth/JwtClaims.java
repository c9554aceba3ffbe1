package io.neonops.storage.common.auth;

import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.api.NeonJson;

/**
 * The payload of Neon's JWTs: a scope and, for {@link JwtScope#TENANT}, the tenant. Neon writes {@code tenant_id}
 * always ({@code null} when none), and no expiry: its daemons do not require one.
 */
public record JwtClaims(Optional<TenantId> tenantId, JwtScope scope) {

    public JwtClaims {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(scope, "scope");
    }

    /** Claims that name no tenant, as every daemon-to-daemon token does. */
    public static JwtClaims of(JwtScope scope) {
        return new JwtClaims(Optional.empty(), scope);
    }

    /** {@code {"tenant_id":null,"scope":"admin"}}, in Neon's field order. */
    String toJson() {
        ObjectNode json = NeonJson.newMapper().createObjectNode();
        tenantId.ifPresentOrElse(id -> json.put("tenant_id", id.hex()), () -> json.putNull("tenant_id"));
        json.put("scope", scope.claim());
        return json.toString();
    }

    /** Reads a payload; other claims (e.g. {@code iat}) are ignored, as Neon's daemons ignore them. */
    static JwtClaims parse(String json) throws JwtRejectedException {
        JsonNode node;
        try {
            node = NeonJson.reader().readTree(json);
        } catch (JsonProcessingException e) {
            throw new JwtRejectedException("the payload is not JSON: " + e.getOriginalMessage());
        }
        JsonNode scope = node.path("scope");
        JwtScope parsedScope = JwtScope.fromClaim(scope.asText())
                .orElseThrow(() -> new JwtRejectedException("unknown scope " + scope));
        JsonNode tenant = node.path("tenant_id");
        Optional<TenantId> tenantId;
        try {
            tenantId = tenant.isTextual() ? Optional.of(TenantId.of(tenant.asText())) : Optional.empty();
        } catch (IllegalArgumentException e) {
            throw new JwtRejectedException("tenant_id " + tenant + " is not a tenant id");
        }
        return new JwtClaims(tenantId, parsedScope);
    }
}
