package vn.congdoan;

import java.util.Map;
import java.util.Set;
import vn.congdoan.AuthorizationMatrixIT.Spec;
import vn.congdoan.AuthorizationMatrixIT.Target;

/**
 * The member cards' part of the authorization matrix. Targets are members ({@link Target#MEMBER}); a refused or
 * out-of-scope member answers 404. Every in-scope card action answers 302 whatever the card's state (a refusal by a
 * rule is a flash message on the member page), so the entries do not depend on what earlier calls did. The writes
 * come first, revoke before issue: each writer's pass leaves every active member in its subtree with a current card,
 * which the reads and the print after it need (readers — the inspector — come after the writers in the actor list).
 */
final class CardMatrix {

    private CardMatrix() {}

    static void add(Map<String, Spec> specs) {
        String read = "member.read";
        String write = "member.write";
        specs.put("POST /members/{id}/cards/revoke", new Spec(write, Target.MEMBER, true, Set.of(302), c -> c.user()
                .post("/members/" + c.target() + "/cards/revoke", Map.of())));
        specs.put("POST /members/{id}/cards", new Spec(write, Target.MEMBER, true, Set.of(302), c -> c.user()
                .post("/members/" + c.target() + "/cards", Map.of("type", "E_CARD"))));
        specs.put("POST /members/{id}/cards/replace", new Spec(write, Target.MEMBER, true, Set.of(302), c -> c.user()
                .post("/members/" + c.target() + "/cards/replace", Map.of("reason", "REPLACED", "type", "PLASTIC"))));
        specs.put("POST /members/{id}/cards/delivered", new Spec(write, Target.MEMBER, true, Set.of(302), c -> c.user()
                .post("/members/" + c.target() + "/cards/delivered", Map.of())));
        // A member with no current card (e.g. one who left: no card can be issued) prints nothing: 302 with a notice.
        specs.put("POST /members/cards/print", new Spec(write, Target.MEMBER, true, Set.of(200, 302), c -> c.user()
                .post("/members/cards/print", Map.of("ids", c.target()))));
        specs.put("GET /members/{id}/cards", new Spec(read, Target.MEMBER, true, Set.of(200), c -> c.user()
                .get("/members/" + c.target() + "/cards")));
        // 404 also in scope when the member has no current card (a member who left cannot be issued one); CardIT
        // proves in-scope 200 and out-of-scope 404 separately, and the panel above is 200 exactly in scope.
        specs.put("GET /members/{id}/card.png", new Spec(read, Target.MEMBER, true, Set.of(200, 404), c -> c.user()
                .get("/members/" + c.target() + "/card.png")));
        specs.put("GET /members/{id}/card.pdf", new Spec(read, Target.MEMBER, true, Set.of(200, 404), c -> c.user()
                .get("/members/" + c.target() + "/card.pdf")));
        specs.put("GET /me/card", new Spec("self.read", Target.NONE, true, Set.of(200), c -> c.user()
                .get("/me/card")));
        // 404 when the account is linked to no member, or the member has no current card.
        specs.put("GET /me/card.png", new Spec("self.read", Target.NONE, true, Set.of(200, 404), c -> c.user()
                .get("/me/card.png")));
        specs.put("GET /me/card.pdf", new Spec("self.read", Target.NONE, true, Set.of(200, 404), c -> c.user()
                .get("/me/card.pdf")));
        // Public: forged and unknown tokens are 200 "not valid" too.
        specs.put("GET /verify/{token}", new Spec("public", Target.NONE, true, Set.of(200), c -> c.user()
                .get("/verify/AQAAAAAAAAAB.AAAAAAAAAAAAAAAAAAAAAA")));
    }
}
