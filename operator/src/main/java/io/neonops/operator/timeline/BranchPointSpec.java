package io.neonops.operator.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/** Where on its parent a branch starts: an LSN, or a time the pageserver turns into an LSN. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.lsn) != has(self.timestamp)", message = "set exactly one of lsn and timestamp")
public class BranchPointSpec {
    /** Neon's LSN text: two hex numbers, e.g. 0/16B5A50. */
    public static final String LSN_PATTERN = "^[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}$";
    /** RFC 3339 in UTC or with an offset, as the pageserver's get_lsn_by_timestamp takes it. */
    public static final String TIMESTAMP_PATTERN =
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$";

    @Pattern(LSN_PATTERN)
    @JsonPropertyDescription("Branch at this LSN of the parent, e.g. 0/16B5A50")
    private String lsn;

    @Pattern(TIMESTAMP_PATTERN)
    @JsonPropertyDescription("Branch at the parent's state at this time (RFC 3339), resolved once to an LSN through the"
            + " pageserver's LSN-by-timestamp API; must lie within the tenant's pitrInterval")
    private String timestamp;

    public String getLsn() {
        return lsn;
    }

    public void setLsn(String lsn) {
        this.lsn = lsn;
    }

    public String getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(String timestamp) {
        this.timestamp = timestamp;
    }
}
