// A real OpenID Provider for the single sign-on tests: panva's oidc-provider with one client,
// the static accounts in accounts.json and a minimal login page (login + password, no consent
// screen: the Learning Hub is a first-party client).
//
//   OIDC_TEST_CLIENT_ID, OIDC_TEST_CLIENT_SECRET   the one client (throwaway test values)
//   OIDC_TEST_REDIRECT_URIS                         comma-separated callback URLs it may use
//   OIDC_TEST_PORT                                  port on 127.0.0.1 (0 or unset: any free one)
//
// Prints "listening <issuer>" on stdout once it answers.
import { generateKeyPair, exportJWK } from "jose";
import { readFileSync } from "node:fs";
import http from "node:http";
import Provider from "oidc-provider";

const { accounts } = JSON.parse(readFileSync(new URL("./accounts.json", import.meta.url)));
const byLogin = new Map(accounts.map((account) => [account.login, account]));
const bySub = new Map(accounts.map((account) => [account.sub, account]));

const clientId = process.env.OIDC_TEST_CLIENT_ID || "learning-hub";
const clientSecret = process.env.OIDC_TEST_CLIENT_SECRET || "throwaway-test-secret";
const redirectUris = (process.env.OIDC_TEST_REDIRECT_URIS || "http://testserver/oidc/callback/")
  .split(",")
  .map((uri) => uri.trim())
  .filter(Boolean);

const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

function loginPage(uid, clientName, error = "") {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Test provider: sign in</title></head>
<body><main>
<h1>Test organisation: sign in</h1>
<p>to continue to ${escape(clientName)}</p>
${error ? `<p role="alert" id="error">${escape(error)}</p>` : ""}
<form method="post" action="/interaction/${escape(uid)}/login">
  <label for="login">Login</label> <input id="login" name="login" autocomplete="username">
  <label for="password">Password</label> <input id="password" name="password" type="password">
  <button type="submit">Sign in</button>
</form>
<form method="post" action="/interaction/${escape(uid)}/abort"><button type="submit">Cancel</button></form>
</main></body></html>`;
}

async function readForm(req) {
  let body = "";
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) throw new Error("form too large");
  }
  return new URLSearchParams(body);
}

function send(res, status, html) {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
  res.end(html);
}

async function interaction(provider, req, res) {
  const [, , uid, action] = new URL(req.url, "http://x").pathname.split("/");
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return send(res, 400, "interaction mismatch");
  const client = await provider.Client.find(details.params.client_id);
  if (req.method === "GET" && !action) {
    return send(res, 200, loginPage(uid, client?.clientName || client?.clientId || ""));
  }
  if (req.method === "POST" && action === "abort") {
    return provider.interactionFinished(req, res, {
      error: "access_denied",
      error_description: "The person cancelled the sign-in.",
    });
  }
  if (req.method === "POST" && action === "login") {
    const form = await readForm(req);
    const account = byLogin.get(form.get("login") || "");
    if (!account || account.password !== form.get("password")) {
      return send(res, 200, loginPage(uid, client?.clientId || "", "Wrong login or password."));
    }
    return provider.interactionFinished(req, res, { login: { accountId: account.sub } });
  }
  return send(res, 405, "method not allowed");
}

let handler = (_req, res) => send(res, 503, "starting");
const server = http.createServer((req, res) => handler(req, res));
server.listen(Number(process.env.OIDC_TEST_PORT || 0), "127.0.0.1", async () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        client_name: "Learning Hub (tests)",
        redirect_uris: redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: "test-key", alg: "RS256", use: "sig" }] },
    cookies: { keys: ["throwaway-test-cookie-key"] },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name"],
      employee: ["employee_id"],
    },
    scopes: ["openid", "email", "profile", "employee"],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // A first-party client: no consent screen; everything it asks for is granted.
    async loadExistingGrant(ctx) {
      const grantId =
        ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      const grant = grantId
        ? await ctx.oidc.provider.Grant.find(grantId)
        : new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope(ctx.oidc.requestParamScopes ? [...ctx.oidc.requestParamScopes].join(" ") : "openid");
      await grant.save();
      return grant;
    },
    async findAccount(_ctx, sub) {
      const account = bySub.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          const { sub: id, email, email_verified, name, employee_id } = account;
          return { sub: id, email, email_verified, name, employee_id };
        },
      };
    },
  });
  const callback = provider.callback();
  handler = (req, res) => {
    if (req.url.startsWith("/interaction/")) {
      interaction(provider, req, res).catch((error) => send(res, 400, escape(error.message)));
    } else {
      callback(req, res);
    }
  };
  process.stdout.write(`listening ${issuer}\n`);
});

for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.close(() => process.exit(0)));
