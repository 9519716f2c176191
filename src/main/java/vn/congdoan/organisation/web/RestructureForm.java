package vn.congdoan.organisation.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The restructuring wizard's fields; which ones count depends on {@link #kind}. Bound from the form. */
class RestructureForm {

    private String kind = "";
    private @Nullable String effectiveOn;
    private @Nullable String decisionNo;
    private @Nullable String decisionDate;
    private @Nullable String decisionIssuer;
    private @Nullable String name;
    private @Nullable String shortName;
    private @Nullable String parentCode;
    private @Nullable String targetCode;
    private @Nullable String sourceCodes;
    private @Nullable String newCode;
    private @Nullable String newName;
    private @Nullable String newType;
    private @Nullable String receiverCode;
    private boolean withDescendants;
    private int membersToPart;
    private List<Part> parts = new ArrayList<>(List.of(new Part(), new Part(), new Part()));
    private Map<Long, Integer> childPart = new HashMap<>();

    /** A new unit of a split. */
    static class Part {
        private @Nullable String code;
        private @Nullable String name;

        public @Nullable String getCode() {
            return code;
        }

        public void setCode(@Nullable String code) {
            this.code = code;
        }

        public @Nullable String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name;
        }
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public @Nullable String getEffectiveOn() {
        return effectiveOn;
    }

    public void setEffectiveOn(@Nullable String effectiveOn) {
        this.effectiveOn = effectiveOn;
    }

    public @Nullable String getDecisionNo() {
        return decisionNo;
    }

    public void setDecisionNo(@Nullable String decisionNo) {
        this.decisionNo = decisionNo;
    }

    public @Nullable String getDecisionDate() {
        return decisionDate;
    }

    public void setDecisionDate(@Nullable String decisionDate) {
        this.decisionDate = decisionDate;
    }

    public @Nullable String getDecisionIssuer() {
        return decisionIssuer;
    }

    public void setDecisionIssuer(@Nullable String decisionIssuer) {
        this.decisionIssuer = decisionIssuer;
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable String getShortName() {
        return shortName;
    }

    public void setShortName(@Nullable String shortName) {
        this.shortName = shortName;
    }

    public @Nullable String getParentCode() {
        return parentCode;
    }

    public void setParentCode(@Nullable String parentCode) {
        this.parentCode = parentCode;
    }

    public @Nullable String getTargetCode() {
        return targetCode;
    }

    public void setTargetCode(@Nullable String targetCode) {
        this.targetCode = targetCode;
    }

    public @Nullable String getSourceCodes() {
        return sourceCodes;
    }

    public void setSourceCodes(@Nullable String sourceCodes) {
        this.sourceCodes = sourceCodes;
    }

    public @Nullable String getNewCode() {
        return newCode;
    }

    public void setNewCode(@Nullable String newCode) {
        this.newCode = newCode;
    }

    public @Nullable String getNewName() {
        return newName;
    }

    public void setNewName(@Nullable String newName) {
        this.newName = newName;
    }

    public @Nullable String getNewType() {
        return newType;
    }

    public void setNewType(@Nullable String newType) {
        this.newType = newType;
    }

    public @Nullable String getReceiverCode() {
        return receiverCode;
    }

    public void setReceiverCode(@Nullable String receiverCode) {
        this.receiverCode = receiverCode;
    }

    public boolean isWithDescendants() {
        return withDescendants;
    }

    public void setWithDescendants(boolean withDescendants) {
        this.withDescendants = withDescendants;
    }

    public int getMembersToPart() {
        return membersToPart;
    }

    public void setMembersToPart(int membersToPart) {
        this.membersToPart = membersToPart;
    }

    public List<Part> getParts() {
        return parts;
    }

    public void setParts(List<Part> parts) {
        this.parts = parts;
    }

    public Map<Long, Integer> getChildPart() {
        return childPart;
    }

    public void setChildPart(Map<Long, Integer> childPart) {
        this.childPart = childPart;
    }
}
