// The hosted connect page (docs/frontend.md). It holds one credential, the connect session's
// token, read from the URL fragment (never sent to a server or a Referer) and dropped from the
// address bar at once. Everything shown is built with DOM calls and textContent: no markup from
// data, no external asset. The result goes to the opener by postMessage, to the session's
// origin only, and/or to the session's redirect URL.
(() => {
  "use strict";
  const statusLine = document.getElementById("status");
  const list = document.getElementById("integrations");
  const query = new URLSearchParams(location.search);
  const apiBase = new URL("api/connect/", location.href);

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const child of children) node.append(child);
    return node;
  }

  function say(text, kind) {
    statusLine.textContent = text;
    statusLine.className = kind || "";
  }

  // ---- 1. the OAuth popup came back here: hand the outcome to this origin's page, then close
  if (query.get("oauth") === "done") {
    const outcome = { kind: "integration-hub.oauth", status: query.get("status"),
      integrationId: query.get("integrationId"), error: query.get("error"), message: query.get("message") };
    history.replaceState(null, "", location.pathname);
    if (window.opener && !window.opener.closed) window.opener.postMessage(outcome, location.origin);
    say(outcome.status === "connected" ? "Connected. You can close this window." :
      "The connection did not complete. You can close this window.", outcome.status === "connected" ? "ok" : "error");
    window.close();
    return;
  }

  // ---- 2. the session's token: in the fragment only
  const token = new URLSearchParams(location.hash.slice(1)).get("token");
  history.replaceState(null, "", location.pathname);
  if (!token) {
    say("This connect link is incomplete. Open it again from the app.", "error");
    return;
  }

  const FINAL = new Set(["CONNECT_SESSION_INVALID", "CONNECT_SESSION_EXPIRED", "CONNECT_SESSION_USED",
    "ORIGIN_NOT_ALLOWED"]);

  async function api(method, path, body) {
    const headers = { Authorization: "Bearer " + token };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(new URL(path, apiBase), { method, headers, credentials: "omit", cache: "no-store",
      body: body === undefined ? undefined : JSON.stringify(body) });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      const failure = (data && data.error) || {};
      const error = new Error(failure.message || "The hub answered " + response.status + ".");
      error.code = failure.code;
      error.details = failure.details;
      error.requestId = failure.requestId;
      throw error;
    }
    return data;
  }

  let session = null;

  function finalError(error) {
    list.replaceChildren();
    say(error.message, "error");
    document.getElementById("main").focus();
  }

  // what a person can do about an error, in words
  function explain(error, integration) {
    const provider = integration.providerName;
    switch (error.code) {
      case "INVALID_CREDENTIALS":
        return provider + " did not accept these credentials. Check them and try again.";
      case "CONNECTION_FAILED":
        return provider + " could not be reached. Try again in a moment.";
      case "VALIDATION_ERROR": {
        const fields = Array.isArray(error.details) ? error.details.map((d) => d.field).filter(Boolean) : [];
        return fields.length ? "Check these fields: " + fields.join(", ") + "." : error.message;
      }
      default:
        return error.message + (error.requestId ? " (reference " + error.requestId + ")" : "");
    }
  }

  function report(result, integration) {
    const message = { source: "integration-hub", integrationId: result.integrationId,
      connectionId: result.connectionId, status: result.status };
    list.replaceChildren();
    say(integration.providerName + " is connected. You can close this window.", "ok");
    document.getElementById("main").focus();
    // only a page on the session's origin can receive it; any other opener gets nothing
    if (window.opener && !window.opener.closed) window.opener.postMessage(message, session.origin);
    if (session.redirectUrl && !window.opener) {
      const target = new URL(session.redirectUrl);
      for (const [key, value] of Object.entries(message)) target.searchParams.set(key, value);
      location.assign(target.href);
    }
  }

  function fail(error, integration, alertNode, button) {
    button.disabled = false;
    if (FINAL.has(error.code)) return finalError(error);
    alertNode.textContent = explain(error, integration);
    alertNode.focus();
  }

  function credentialForm(integration, alertNode) {
    const form = el("form", { noValidate: false });
    const inputs = [];
    for (const field of integration.credentialFields) {
      const id = "f-" + integration.id + "-" + field.name;
      const label = el("label", { htmlFor: id, textContent: field.label + (field.required ? "" : " (optional)") });
      const input = field.type === "json" ? el("textarea", { id }) : el("input", {
        id, type: field.secret ? "password" : field.type === "url" ? "url" : field.type === "email" ? "email" : "text",
        autocomplete: field.secret ? "new-password" : "off" });
      input.name = field.name;
      input.required = field.required;
      input.spellcheck = false;
      if (field.default) input.placeholder = field.default;
      if (field.pattern) {
        try { new RegExp(field.pattern, "v"); input.pattern = field.pattern; } catch (ignored) { /* the hub checks it */ }
      }
      label.append(input);
      if (field.help) {
        const help = el("span", { className: "help", id: id + "-help", textContent: field.help });
        input.setAttribute("aria-describedby", help.id);
        label.append(help);
      }
      inputs.push(input);
      form.append(label);
    }
    const button = el("button", { type: "submit", textContent: "Connect " + integration.providerName });
    form.append(button);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      alertNode.textContent = "";
      const credentials = {};
      for (const input of inputs) {
        input.removeAttribute("aria-invalid");
        if (input.value !== "") credentials[input.name] = input.value;
      }
      button.disabled = true;
      say("Checking with " + integration.providerName + "…");
      try {
        const result = await api("POST", "integrations/" + encodeURIComponent(integration.id) + "/credentials",
          { credentials });
        report(result, integration);
      } catch (error) {
        say("");
        if (error.code === "INVALID_CREDENTIALS") inputs.forEach((i) => i.setAttribute("aria-invalid", "true"));
        fail(error, integration, alertNode, button);
      }
    });
    return form;
  }

  function oauthButton(integration, alertNode) {
    const button = el("button", { type: "button", textContent: "Sign in with " + integration.providerName });
    button.addEventListener("click", async () => {
      alertNode.textContent = "";
      button.disabled = true;
      // opened in the click itself, so popup blockers let it through; its address follows
      const popup = window.open("about:blank", "integration-hub-oauth", "popup,width=520,height=720");
      if (!popup) {
        button.disabled = false;
        alertNode.textContent = "Your browser blocked the sign-in window. Allow pop-ups for this page and try again.";
        alertNode.focus();
        return;
      }
      say("Waiting for " + integration.providerName + " in the sign-in window…");
      const finished = new Promise((resolve) => {
        const closed = setInterval(() => {  // the person closed the window without finishing
          if (!popup.closed) return;
          clearInterval(closed);
          // a window that finished posted its outcome just before closing: let it arrive first
          setTimeout(() => {
            window.removeEventListener("message", listener);
            resolve({ status: "error", message: "The sign-in window was closed before it finished" });
          }, 1000);
        }, 500);
        function listener(event) {
          if (event.origin !== location.origin || event.source !== popup) return;
          if (!event.data || event.data.kind !== "integration-hub.oauth") return;
          window.removeEventListener("message", listener);
          clearInterval(closed);
          resolve(event.data);
        }
        window.addEventListener("message", listener);
      });
      try {
        const started = await api("POST", "integrations/" + encodeURIComponent(integration.id) + "/oauth");
        popup.location.href = started.authorizationUrl;
        const outcome = await finished;
        if (outcome.status !== "connected") {
          const error = new Error((outcome.message || "The sign-in did not complete") + ". Try again.");
          error.code = outcome.error;
          throw error;
        }
        report(await api("POST", "integrations/" + encodeURIComponent(integration.id) + "/complete"), integration);
      } catch (error) {
        if (!popup.closed) popup.close();
        say("");
        fail(error, integration, alertNode, button);
      }
    });
    return button;
  }

  function render() {
    list.replaceChildren();
    if (!session.integrations.length) {
      say("There is nothing to connect with this link. Open it again from the app.", "error");
      return;
    }
    say(session.integrations.length === 1 ? "" : "Choose an integration to connect.");
    for (const integration of session.integrations) {
      const headingId = "h-" + integration.id;
      const heading = el("h2", { id: headingId, textContent: integration.providerName });
      if (integration.connected) heading.append(el("span", { className: "badge", textContent: "connected" }));
      const section = el("section", {}, heading);
      section.setAttribute("aria-labelledby", headingId);
      if (integration.description) section.append(el("p", { textContent: integration.description }));
      const alertNode = el("p", { className: "error", tabIndex: -1 });
      alertNode.setAttribute("role", "alert");
      section.append(integration.connectWith === "oauth" ? oauthButton(integration, alertNode)
        : credentialForm(integration, alertNode), alertNode);
      list.append(section);
    }
  }

  api("GET", "session").then((data) => {
    session = data;
    render();
  }).catch(finalError);
})();
