/*
 * Parent side of the Bitrix24 frame protocol, as the portal page runs it.
 *
 * Follows bitrix24-core-corp modules/rest/install/js/rest/applayout.js (BX.rest.AppLayout):
 * the app's frame posts "command:params:callback:APP_SID" (params is JSON and may itself
 * contain ':', so the message splits as first / middle / second-to-last / last); the portal
 * answers only messages from the app's origin carrying its APP_SID, and replies with
 * "callback:JSON" posted to the app's origin. The command names are the SDK's
 * (@bitrix24/b24jssdk dist/esm/frame/message/commands.mjs).
 *
 * Plain browser JavaScript (no build step), loaded by the page rendered in render.ts.
 */
(function () {
  "use strict";

  var cfg = JSON.parse(document.getElementById("b24emu-frame-config").textContent);
  var frame = document.getElementById(cfg.frameId);
  var layout = document.getElementById(cfg.layoutId);
  var loader = document.getElementById(cfg.loaderId);
  var init = cfg.initData;

  /** One server action of this page's frame session (frame-api.ts). */
  function query(action, params) {
    var body = Object.assign({ appSid: cfg.appSid, action: action }, params || {});
    return fetch(cfg.apiUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-b24emu-page-token": cfg.pageToken },
      body: JSON.stringify(body),
      credentials: "same-origin",
    }).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) throw new Error(data && data.error ? data.error : "HTTP " + r.status);
        return data;
      });
    });
  }

  /** applayout.js split(): [command, params, callback, appSid]. */
  function split(s) {
    var r = s.split(":");
    return [r[0], r.slice(1, r.length - 2).join(":"), r[r.length - 2], r[r.length - 1]];
  }

  function post(text) {
    if (frame && frame.contentWindow) frame.contentWindow.postMessage(text, cfg.appOrigin);
  }

  // region Dialogs ////
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }

  /** A modal listing the portal's employees; resolves with the chosen SelectedUser(s) or null. */
  function userDialog(multiple, done) {
    var back = el("div", { class: "b24-modal-back", "data-testid": "user-selector" });
    var box = el("div", { class: "b24-modal", role: "dialog", "aria-modal": "true", "aria-labelledby": "b24emu-selector-title" });
    box.appendChild(el("h2", { id: "b24emu-selector-title" }, multiple ? cfg.labels.selectUsers : cfg.labels.selectUser));
    var list = el("ul", { class: "b24-user-list" });
    var chosen = {};
    cfg.users.forEach(function (u) {
      var li = el("li");
      if (multiple) {
        var id = "b24emu-pick-" + u.id;
        var box2 = el("input", { type: "checkbox", id: id, value: u.id, "data-user-id": u.id });
        box2.addEventListener("change", function () {
          if (box2.checked) chosen[u.id] = u;
          else delete chosen[u.id];
        });
        li.appendChild(box2);
        li.appendChild(el("label", { for: id }, u.name + (u.position ? " — " + u.position : "")));
      } else {
        var b = el("button", { type: "button", "data-user-id": u.id }, u.name + (u.position ? " — " + u.position : ""));
        b.addEventListener("click", function () {
          close();
          done(u);
        });
        li.appendChild(b);
      }
      list.appendChild(li);
    });
    box.appendChild(list);
    var bar = el("div", { class: "b24-modal-buttons" });
    if (multiple) {
      var ok = el("button", { type: "button", class: "b24-button-primary", "data-testid": "user-selector-ok" }, cfg.labels.select);
      ok.addEventListener("click", function () {
        close();
        done(
          cfg.users.filter(function (u) {
            return chosen[u.id];
          }),
        );
      });
      bar.appendChild(ok);
    }
    var cancel = el("button", { type: "button" }, cfg.labels.cancel);
    // The real popup closes on cancel without answering the frame (applayout.js selectUser).
    cancel.addEventListener("click", close);
    bar.appendChild(cancel);
    box.appendChild(bar);
    back.appendChild(box);
    function onKey(e) {
      if (e.key === "Escape") close();
    }
    function close() {
      document.removeEventListener("keydown", onKey);
      back.remove();
    }
    document.addEventListener("keydown", onKey);
    document.body.appendChild(back);
    var first = box.querySelector("button, input");
    if (first) first.focus();
  }

  /** openApplication: the same app in a slider over the page (IFRAME=Y renders it chrome-less). */
  function openSlider(params, onClose) {
    var url = cfg.sliderUrl + "?IFRAME=Y&PLACEMENT_OPTIONS=" + encodeURIComponent(JSON.stringify(params || {}));
    var back = el("div", { class: "b24-slider-back", "data-testid": "app-slider" });
    var panel = el("div", { class: "b24-slider" });
    var x = el("button", { type: "button", class: "b24-slider-close", "aria-label": cfg.labels.close }, "×");
    var inner = el("iframe", { src: url, class: "b24-slider-frame" });
    panel.appendChild(x);
    panel.appendChild(inner);
    back.appendChild(panel);
    document.body.appendChild(back);
    var closed = false;
    function close() {
      if (closed) return;
      closed = true;
      back.remove();
      window.b24emuSlider = prevSlider;
      if (onClose) onClose();
    }
    var prevSlider = window.b24emuSlider;
    window.b24emuSlider = { close: close };
    x.addEventListener("click", close);
  }
  // endregion ////

  var deny = cfg.deny || [];

  /** Command handlers: (params, reply). Not calling reply leaves the frame's promise to its own timeout, as on a real portal. */
  var commands = {
    getInitData: function (p, reply) {
      reply(init);
      // applayout.js: FIRST_RUN is reported once per page.
      init.FIRST_RUN = false;
    },
    getInterface: function (p, reply) {
      reply({
        command: Object.keys(commands).filter(function (c) {
          return deny.indexOf(c) < 0;
        }),
        event: [],
      });
    },
    refreshAuth: function (p, reply) {
      query("access_refresh").then(function (d) {
        init.AUTH_ID = d.access_token;
        init.AUTH_EXPIRES = String(d.expires_in);
        init.REFRESH_ID = d.refresh_token;
        reply({ AUTH_ID: init.AUTH_ID, AUTH_EXPIRES: init.AUTH_EXPIRES, REFRESH_ID: init.REFRESH_ID });
      });
    },
    resizeWindow: function (p, reply) {
      var width = p.width == "100%" ? "100%" : (parseInt(p.width, 10) || 100) + "px";
      var height = parseInt(p.height, 10);
      layout.style.width = width;
      if (height) layout.style.height = height + "px";
      var rect = layout.getBoundingClientRect();
      reply({ width: rect.width, height: rect.height });
    },
    setTitle: function (p, reply) {
      var title = String(p.title == null ? "" : p.title);
      document.title = title;
      var h = document.getElementById("pagetitle");
      if (h) h.textContent = title;
      reply(p);
    },
    setScroll: function (p, reply) {
      if (p && p.scroll >= 0) window.scrollTo(window.scrollX, parseInt(p.scroll, 10));
      reply(p);
    },
    reloadWindow: function () {
      window.location.reload();
    },
    setInstall: function (p, reply) {
      query("set_install", { install: !!p.install }).then(function () {
        reply(p);
      });
    },
    setInstallFinish: function (p) {
      var v = typeof p.value == "undefined" || p.value !== false ? "Y" : "N";
      query("set_installed", { v: v }).then(function (d) {
        // applayout.js reloads the portal page with install_finished=Y|N; the page then opens the handler URL.
        var url = new URL(window.location.href);
        url.searchParams.set("install_finished", d.result ? "Y" : "N");
        window.location.href = url.toString();
      });
    },
    setAppOption: function (p, reply) {
      if (!init.IS_ADMIN) return;
      query("set_option", { options: [{ name: p.name, value: p.value }] }).then(function (d) {
        if (Array.isArray(init.APP_OPTIONS)) init.APP_OPTIONS = {};
        init.APP_OPTIONS[p.name] = p.value;
        reply(d);
      });
    },
    setUserOption: function (p, reply) {
      query("set_user_option", { name: p.name, value: p.value }).then(function () {
        if (Array.isArray(init.USER_OPTIONS)) init.USER_OPTIONS = {};
        init.USER_OPTIONS[p.name] = p.value;
        reply(p);
      });
    },
    selectUser: function (p, reply) {
      var mult = parseInt(p.mult + 0, 10) ? true : false;
      userDialog(mult, reply);
    },
    selectAccess: function (p, reply) {
      // Access codes of single users (U{id}) only: enough for apps that store who may use them.
      userDialog(true, function (users) {
        reply(
          users.map(function (u) {
            return { id: "U" + u.id, name: u.name };
          }),
        );
      });
    },
    openApplication: function (p, reply) {
      if (cfg.slider && window.parent !== window && window.parent.b24emuOpenSlider) {
        window.parent.b24emuOpenSlider(p, reply);
        return;
      }
      openSlider(p, function () {
        reply();
      });
    },
    closeApplication: function (p, reply) {
      // The app inside a slider closes the slider of the page around it (same origin).
      if (cfg.slider && window.parent !== window && window.parent.b24emuSlider) {
        window.parent.b24emuSlider.close();
      }
      reply();
    },
    openPath: function (p, reply) {
      // No portal pages to show here: the SDK then opens the address in a new window.
      reply({ result: "error", errorCode: "METHOD_NOT_SUPPORTED_ON_DEVICE" });
    },
  };
  window.b24emuOpenSlider = function (p, onClose) {
    openSlider(p, function () {
      onClose();
    });
  };

  function receiveMessage(e) {
    // Only the frame we opened, from the app's origin (applayout.js receiveMessage checks the
    // origin; the source check keeps other frames of the same origin out).
    if (e.source !== frame.contentWindow || e.origin !== cfg.appOrigin || typeof e.data !== "string") return;
    var cmd = split(e.data);
    if (cmd[3] !== cfg.appSid) return;
    var args = {};
    if (cmd[1]) {
      try {
        args = JSON.parse(cmd[1]);
      } catch (err) {
        return;
      }
    }
    var handler = commands[cmd[0]];
    if (!handler || !Object.prototype.hasOwnProperty.call(commands, cmd[0]) || deny.indexOf(cmd[0]) >= 0) return;
    var cb = cmd[2];
    var reply = function (res) {
      if (!cb) return;
      post(cb + ":" + (typeof res == "undefined" ? "" : JSON.stringify(res)));
    };
    handler(args === null || typeof args !== "object" ? { value: args } : args, reply);
  }

  window.addEventListener("message", receiveMessage);
  frame.addEventListener("load", function () {
    if (loader) loader.remove();
    frame.classList.remove("app-loading");
  });
  document.forms[cfg.formName].submit();
})();
