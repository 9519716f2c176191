package vn.congdoan.finance.web;

import java.time.YearMonth;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.congdoan.finance.FinanceNotFoundException;
import vn.congdoan.finance.MemberDues;
import vn.congdoan.finance.MemberDues.ChargeView;
import vn.congdoan.finance.internal.accounts.CollectionAccounts;
import vn.congdoan.finance.internal.dues.TransferContent;
import vn.congdoan.finance.internal.qr.VietQr;
import vn.congdoan.membership.MemberDetail;
import vn.congdoan.membership.Members;
import vn.congdoan.shared.AccessScope;

/**
 * A member's own dues ({@code self.read}): every month charged with what was paid, what is still owed, and a VietQR
 * code to pay a month owed by bank transfer to the collecting unit's account, with the content {@code DP <member code>
 * <MM/YYYY>} that the treasurer's statement matching reads back.
 */
@Controller
class SelfDuesController {

    private final Members members;
    private final MemberDues dues;
    private final CollectionAccounts accounts;

    SelfDuesController(Members members, MemberDues dues, CollectionAccounts accounts) {
        this.members = members;
        this.dues = dues;
        this.accounts = accounts;
    }

    @GetMapping("/me/dues")
    String page(@RequestParam(required = false) @Nullable String month, AccessScope scope, Model model) {
        scope.require(Members.SELF);
        Optional<MemberDues.SelfDues> own =
                members.own(scope).map(MemberDetail::id).flatMap(dues::own);
        model.addAttribute("d", own.orElse(null));
        if (own.isPresent()) {
            ChargeView pay = chosen(own.get(), DuesPages.parseMonth(month));
            model.addAttribute("pay", pay);
            if (pay != null) {
                var account = accounts.forUnit(own.get().unitId(), CollectionAccounts.DUES);
                model.addAttribute("account", account.orElse(null));
                model.addAttribute("content", TransferContent.of(own.get().memberCode(), pay.month()));
            }
        }
        return "finance/dues/me";
    }

    @GetMapping("/me/dues/qr.png")
    ResponseEntity<byte[]> qr(@RequestParam(required = false) @Nullable String month, AccessScope scope) {
        scope.require(Members.SELF);
        MemberDues.SelfDues own = members.own(scope)
                .map(MemberDetail::id)
                .flatMap(dues::own)
                .orElseThrow(() -> new FinanceNotFoundException("member", "self"));
        ChargeView pay = chosen(own, DuesPages.parseMonth(month));
        if (pay == null) {
            throw new FinanceNotFoundException("dues charge", month == null ? "" : month);
        }
        var account = accounts.forUnit(own.unitId(), CollectionAccounts.DUES)
                .orElseThrow(() -> new FinanceNotFoundException("collection account", own.unitId()));
        String payload = VietQr.payload(
                account.bin(), account.accountNo(), pay.owed(), TransferContent.of(own.memberCode(), pay.month()));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noStore())
                .body(VietQr.png(payload, 6));
    }

    /** The month asked for when it is owed, else the oldest month owed; null when nothing is owed. */
    private static @Nullable ChargeView chosen(MemberDues.SelfDues own, @Nullable YearMonth month) {
        if (month != null) {
            for (ChargeView c : own.charges()) {
                if (c.month().equals(month) && c.owed().isPositive()) {
                    return c;
                }
            }
        }
        return own.oldestOwed();
    }
}
