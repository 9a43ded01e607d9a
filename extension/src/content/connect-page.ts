/**
 * Runs only on the app's connect callback page: hands the one-time claim code to the service
 * worker (which claims the session with its verifier) and says how it went.
 */
import { send, type ApiAnswer } from "../shared/messages";
import { errorText, translator } from "../shared/i18n";

const main = document.querySelector<HTMLElement>("[data-staffsuite-claim]");
const code = main?.dataset.staffsuiteClaim;
if (main && code) {
  const status = document.querySelector<HTMLElement>('[data-testid="connect-status"]');
  const t = translator(document.documentElement.lang);
  send<ApiAnswer<{ error?: string; message?: string }>>({ type: "claim", code }).then((answer) => {
    main.removeAttribute("data-staffsuite-claim");
    if (status) status.textContent = answer.status === 200 ? "✓" : errorText(t, answer.body);
    main.dataset.extensionConnected = answer.status === 200 ? "yes" : "no";
  });
}
