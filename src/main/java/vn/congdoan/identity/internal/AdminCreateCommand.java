package vn.congdoan.identity.internal;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.congdoan.identity.Accounts;
import vn.congdoan.identity.ProvisionUserCommand;
import vn.congdoan.organisation.OrgTree;
import vn.congdoan.organisation.OrgUnitView;
import vn.congdoan.shared.Actor;
import vn.congdoan.shared.BusinessException;

/**
 * {@code java -jar congdoan.jar admin create --username U --unit CODE}: creates a system administrator on the unit.
 * The password is read from the console (twice, not echoed) or, when there is no console, from the first line of
 * standard input; never from the command line, where it would land in the shell history and the process list.
 */
@Component
@ConditionalOnProperty(name = "congdoan.command", havingValue = "admin-create")
class AdminCreateCommand implements ApplicationRunner {

    private final Accounts accounts;
    private final OrgTree tree;
    private final MessageSource messages;
    private final ApplicationContext context;
    private final String username;
    private final String unitCode;
    private final String displayName;

    AdminCreateCommand(
            Accounts accounts,
            OrgTree tree,
            MessageSource messages,
            ApplicationContext context,
            @Value("${congdoan.admin.username:}") String username,
            @Value("${congdoan.admin.unit:}") String unitCode,
            @Value("${congdoan.admin.name:}") String displayName) {
        this.accounts = accounts;
        this.tree = tree;
        this.messages = messages;
        this.context = context;
        this.username = username;
        this.unitCode = unitCode;
        this.displayName = displayName;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        int code = execute();
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }

    private int execute() throws IOException {
        if (username.isBlank() || unitCode.isBlank()) {
            return fail("cli.admin.usage");
        }
        OrgUnitView unit = tree.findByCode(unitCode).orElse(null);
        if (unit == null) {
            return fail("cli.admin.unitUnknown", unitCode);
        }
        char[] password = readPassword();
        if (password == null) {
            return fail("cli.admin.passwordMismatch");
        }
        try {
            accounts.provision(
                    new ProvisionUserCommand(
                            username,
                            displayName.isBlank() ? username : displayName,
                            password,
                            unit.id(),
                            List.of(new ProvisionUserCommand.RoleOnUnit("SYSTEM_ADMIN", unit.id()))),
                    new Actor(null, "cli", null));
        } catch (BusinessException e) {
            return fail(e.messageKey(), e.args());
        } finally {
            Arrays.fill(password, '\0');
        }
        System.out.println(message("cli.admin.created", username, unit.name()));
        return 0;
    }

    private char[] readPassword() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("%s", message("cli.admin.passwordPrompt"));
            char[] second = console.readPassword("%s", message("cli.admin.passwordRepeat"));
            if (first == null || !Arrays.equals(first, second)) {
                return null;
            }
            Arrays.fill(second, '\0');
            return first;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null ? null : line.toCharArray();
    }

    private int fail(String key, Object... args) {
        System.err.println(message(key, args));
        return 2;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, java.util.Locale.forLanguageTag("vi"));
    }
}
