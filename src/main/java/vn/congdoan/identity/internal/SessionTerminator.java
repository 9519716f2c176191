package vn.congdoan.identity.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Ends every session of an account (disabling it must log it out everywhere, on every node). */
@Component
class SessionTerminator {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    SessionTerminator(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        this.sessions = sessions;
    }

    void endSessionsOf(String username) {
        // No session repository when running a command-line operation: then there are no sessions to end.
        sessions.ifAvailable(repo -> repo.findByPrincipalName(username).keySet().forEach(repo::deleteById));
    }
}
