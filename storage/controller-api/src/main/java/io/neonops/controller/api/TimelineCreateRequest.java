package io.neonops.controller.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.PgMajorVersion;
import io.neonops.storage.common.TimelineId;
import io.neonops.storage.common.api.NeonJson;
import java.util.Objects;
import java.util.Optional;

/**
 * Body of {@code POST /v1/tenant/{tenant_id}/timeline} on the storage controller: a new root timeline or a
 * branch. Neon tells them apart by their fields (an untagged enum). Creating the same timeline again with
 * the same parameters succeeds.
 */
@JsonDeserialize(using = TimelineCreateRequest.Reader.class)
public sealed interface TimelineCreateRequest {

    TimelineId newTimelineId();

    /**
     * A new root timeline, initialised by {@code initdb} of that Postgres major. Always sent: a pageserver's
     * own default changed over the years (14, 16, then 17).
     */
    // the records bind as plain records; the interface's reader only picks one
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Bootstrap(TimelineId newTimelineId, PgMajorVersion pgVersion) implements TimelineCreateRequest {

        public Bootstrap {
            Objects.requireNonNull(newTimelineId, "new_timeline_id is missing");
            Objects.requireNonNull(pgVersion, "pg_version is missing");
        }
    }

    /**
     * A branch of {@code ancestorTimelineId} at {@code ancestorStartLsn}, or at the ancestor's last record when
     * absent; it has its ancestor's Postgres major.
     */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Branch(TimelineId newTimelineId, TimelineId ancestorTimelineId, Optional<Lsn> ancestorStartLsn,
            boolean readOnly) implements TimelineCreateRequest {

        public Branch {
            Objects.requireNonNull(newTimelineId, "new_timeline_id is missing");
            Objects.requireNonNull(ancestorTimelineId, "ancestor_timeline_id is missing");
            Objects.requireNonNull(ancestorStartLsn, "ancestorStartLsn");
        }
    }

    static TimelineCreateRequest fromJson(JsonNode body) {
        try {
            return body.hasNonNull("ancestor_timeline_id")
                    ? NeonJson.reader().treeToValue(body, Branch.class)
                    : NeonJson.reader().treeToValue(body, Bootstrap.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid timeline create request: " + e.getOriginalMessage(), e);
        }
    }

    final class Reader extends TreeDeserializer<TimelineCreateRequest> {

        private static final long serialVersionUID = 1L;

        Reader() {
            super(TimelineCreateRequest.class, TimelineCreateRequest::fromJson);
        }
    }
}
