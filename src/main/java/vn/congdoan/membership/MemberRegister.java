package vn.congdoan.membership;

import java.util.List;

/** Writes to the register. */
public interface MemberRegister {

    /** Registers demo members in bulk (one statement per batch), each admitted into its unit on its join date. */
    int admitDemo(List<NewMember> members);
}
