package vn.congdoan.membership.internal.cards;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The installation's signing key for card tokens, kept in {@code membership.card_key} so that every app node signs
 * and verifies alike. Created on first use from {@link SecureRandom} (32 bytes); when two nodes race, the first
 * insert wins and both read that one. Cached for the life of the process; never logged.
 */
@Component
class CardKeys {

    private static final int KEY_BYTES = 32;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final AtomicReference<CardTokens> tokens = new AtomicReference<>();

    CardKeys(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        // Verification runs in read-only transactions: the first key is written in a transaction of its own.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    CardTokens tokens() {
        CardTokens t = tokens.get();
        if (t == null) {
            t = new CardTokens(loadOrCreate());
            tokens.compareAndSet(null, t);
        }
        return t;
    }

    private byte[] loadOrCreate() {
        byte[] key = ownTransaction.execute(status -> {
            byte[] fresh = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(fresh);
            jdbc.sql("insert into membership.card_key (id, secret) values (1, :s) on conflict (id) do nothing")
                    .param("s", fresh)
                    .update();
            return jdbc.sql("select secret from membership.card_key where id = 1")
                    .query(byte[].class)
                    .single();
        });
        if (key == null) {
            throw new IllegalStateException("no card key");
        }
        return key;
    }
}
