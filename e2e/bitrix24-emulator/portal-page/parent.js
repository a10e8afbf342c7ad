// The portal side of the iframe protocol, mirroring Bitrix24's applayout.js closely enough
// for the real b24jssdk: window.name, the POSTed form, and answers to the child's postMessage commands.
(function () {
  'use strict';
  var query = new URLSearchParams(location.search);
  var path = query.get('path') || '/';
  var placement = query.get('placement') || 'DEFAULT';
  var placementOptions = {};
  try {
    placementOptions = JSON.parse(query.get('options') || '{}');
  } catch (error) {
    console.error('portal: options is not JSON', error);
  }
  var messages = (window.__b24Messages = []);
  var eventCallbacks = {}; // placement event name -> callback ids bound by the frame
  var session = null;
  var iframe = null;
  var appOrigin = '';
  var installFinished = false; // set once setInstallFinish reloaded the frame

  // Interface events each placement registers (bx24-placement-bind-event.md); others are not subscribable.
  var PLACEMENT_EVENTS = {
    CALL_CARD: ['CallCard::EntityChanged', 'CallCard::BeforeClose', 'CallCard::CallStateChanged'],
  };

  var CALL_CARD_INTERFACE = {
    command: ['getStatus', 'disableAutoClose', 'enableAutoClose'],
    event: ['CallCard::EntityChanged', 'CallCard::BeforeClose', 'CallCard::CallStateChanged'],
  };

  function api(action, body) {
    return fetch('/portal/api/' + action, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }).then(function (response) {
      return response.json().then(function (data) {
        return { ok: response.ok, data: data };
      });
    });
  }

  function reply(callbackId, value) {
    var payload = value === undefined ? '' : JSON.stringify(value);
    iframe.contentWindow.postMessage(callbackId + ':' + payload, appOrigin);
  }

  function appAction() {
    var target = new URL(session.appUrl.replace(/\/$/, '') + '/b24' + (path.charAt(0) === '/' ? path : '/' + path));
    target.searchParams.set('DOMAIN', location.host);
    target.searchParams.set('PROTOCOL', location.protocol === 'https:' ? '1' : '0');
    target.searchParams.set('LANG', session.lang);
    target.searchParams.set('APP_SID', session.appSid);
    if (installFinished) target.searchParams.set('install_finished', 'Y');
    return target.toString();
  }

  function formFields() {
    var withUri = Object.assign({ URI: '/portal/app' }, placementOptions);
    return {
      AUTH_ID: session.AUTH_ID,
      AUTH_EXPIRES: String(session.AUTH_EXPIRES),
      REFRESH_ID: session.REFRESH_ID,
      SERVER_ENDPOINT: session.serverEndpoint,
      APPLICATION_TOKEN: session.applicationToken,
      APPLICATION_SCOPE: session.scope,
      member_id: session.memberId,
      status: session.status,
      PLACEMENT: placement,
      PLACEMENT_OPTIONS: JSON.stringify(withUri),
    };
  }

  // Bitrix24 loads every app page with a POST from a hidden form targeted at the iframe.
  function postFormIntoFrame() {
    var form = document.createElement('form');
    form.method = 'POST';
    form.action = appAction();
    form.target = iframe.name;
    form.style.display = 'none';
    var fields = formFields();
    Object.keys(fields).forEach(function (key) {
      var input = document.createElement('input');
      input.type = 'hidden';
      input.name = key;
      input.value = fields[key];
      form.appendChild(input);
    });
    document.body.appendChild(form);
    form.submit();
    form.remove();
  }

  function initData() {
    return {
      LANG: session.lang,
      DOMAIN: location.host,
      PROTOCOL: location.protocol === 'https:' ? 1 : 0,
      PATH: '/rest/',
      AUTH_ID: session.AUTH_ID,
      AUTH_EXPIRES: session.AUTH_EXPIRES,
      REFRESH_ID: session.REFRESH_ID,
      MEMBER_ID: session.memberId,
      FIRST_RUN: session.firstRun,
      IS_ADMIN: session.isAdmin,
      INSTALL: !session.installed,
      USER_OPTIONS: session.userOptions,
      APP_OPTIONS: session.appOptions,
      PLACEMENT: placement,
      PLACEMENT_OPTIONS: placementOptions,
    };
  }

  function callCardStatus() {
    var status = Object.assign({}, placementOptions);
    if (status.CRM_ENTITY_ID !== undefined) status.CRM_ENTITY_ID = Number(status.CRM_ENTITY_ID);
    if (status.CALL_LIST_MODE !== undefined) status.CALL_LIST_MODE = String(status.CALL_LIST_MODE) === 'true';
    return status;
  }

  function handleCommand(cmd, params, callbackId) {
    var isCallCard = placement === 'CALL_CARD';
    switch (cmd) {
      case 'getInitData':
        return reply(callbackId, initData());
      case 'setInstall':
      case 'setScroll':
      case 'closeApplication':
      case 'openApplication':
      case 'imCallTo':
      case 'imPhoneTo':
      case 'imOpenMessenger':
      case 'imOpenHistory':
        return reply(callbackId);
      case 'refreshAuth':
        return api('refresh', { refreshId: session.REFRESH_ID }).then(function (answer) {
          if (!answer.ok) return;
          Object.assign(session, answer.data);
          reply(callbackId, answer.data);
        });
      case 'resizeWindow':
        iframe.style.width = typeof params.width === 'number' ? params.width + 'px' : params.width || '100%';
        iframe.style.height = (Number(params.height) || 400) + 'px';
        return reply(callbackId, { width: params.width, height: params.height });
      case 'setTitle':
        document.title = String(params.title || '');
        return reply(callbackId);
      case 'setAppOption':
      case 'setUserOption':
        // Non-admins get no answer at all for setAppOption, exactly like the portal.
        if (cmd === 'setAppOption' && !session.isAdmin) return;
        return api('command', { auth: session.AUTH_ID, command: cmd, params: params }).then(function (answer) {
          if (!answer.ok) return;
          var bag = cmd === 'setAppOption' ? session.appOptions : session.userOptions;
          bag[params.name] = params.value;
          reply(callbackId);
        });
      case 'setInstallFinish':
        // Never answered: the portal reloads the app with install_finished=Y instead (bx24-install-finish.md).
        return api('command', { auth: session.AUTH_ID, command: cmd }).then(function () {
          session.installed = true;
          installFinished = true;
          postFormIntoFrame();
        });
      case 'reloadWindow':
        return postFormIntoFrame();
      case 'placementBindEvent':
        // Not answered now: the callback id is answered each time the event fires. An event the placement
        // does not register is silently not subscribed.
        if ((PLACEMENT_EVENTS[placement] || []).indexOf(params.event) === -1) return;
        (eventCallbacks[params.event] = eventCallbacks[params.event] || []).push(callbackId);
        return;
      case 'getInterface':
        return reply(callbackId, isCallCard ? CALL_CARD_INTERFACE : { command: [], event: [] });
      case 'getStatus':
        return isCallCard ? reply(callbackId, callCardStatus()) : undefined;
      case 'disableAutoClose':
      case 'enableAutoClose':
        return isCallCard ? reply(callbackId) : undefined;
      case 'selectUser':
      case 'selectUsers': {
        const picked = window.__b24SelectUsers || session.users.slice(0, 1);
        const multiple = cmd === 'selectUsers' || params.mult === true;
        return reply(callbackId, multiple ? picked : picked[0] || null);
      }
      case 'openPath':
        return reply(callbackId, window.__b24OpenPathAnswer || { result: 'close' });
      default:
        return undefined;
    }
  }

  function onMessage(event) {
    if (event.origin !== appOrigin || typeof event.data !== 'string') return;
    var parts = event.data.split(':');
    var cmd = parts[0];
    var rawParams = parts.slice(1, -2).join(':');
    var callbackId = parts[parts.length - 2];
    var sid = parts[parts.length - 1];
    if (sid !== session.appSid) return;
    var params = {};
    if (rawParams) {
      try {
        params = JSON.parse(rawParams);
      } catch (_error) {
        params = rawParams;
      }
    }
    messages.push({ command: cmd, params: params, callbackId: callbackId, raw: event.data, at: Date.now() });
    handleCommand(cmd, params, callbackId);
  }

  // Tests fire placement events the portal would fire (e.g. the call card's state change).
  window.__firePlacementEvent = function (eventName, data) {
    var ids = eventCallbacks[eventName] || [];
    ids.forEach(function (callbackId) {
      reply(callbackId, data === undefined ? {} : data);
    });
    return ids.length;
  };
  window.__fireCallCardEvent = window.__firePlacementEvent;
  // CallCard::CallStateChanged passes the state string alone (call-card-call-state-changed.md): "<id>:\"idle\"".
  window.__fireCallState = function (callState) {
    return window.__firePlacementEvent('CallCard::CallStateChanged', String(callState));
  };

  // The call card Bitrix24 pops up over the portal for this user (telephony-external-call-show.md, -hide.md): the
  // real portal is pushed the change; the emulated one asks every CARD_POLL_MS.
  var CARD_POLL_MS = 300;
  var CALL_TYPES = {
    1: 'Исходящий звонок',
    2: 'Входящий звонок',
    3: 'Входящий с переадресацией',
    4: 'Обратный звонок',
  };

  function renderCards(cards) {
    var box = document.getElementById('call-cards');
    if (!box) {
      box = document.createElement('aside');
      box.id = 'call-cards';
      document.body.appendChild(box);
    }
    var shown = cards.map(function (card) {
      return card.CALL_ID;
    });
    Array.prototype.slice.call(box.children).forEach(function (node) {
      if (shown.indexOf(node.getAttribute('data-call-id')) === -1) node.remove();
    });
    cards.forEach(function (card) {
      if (box.querySelector('[data-call-id="' + card.CALL_ID + '"]')) return;
      var node = document.createElement('section');
      node.setAttribute('data-testid', 'portal-call-card');
      node.setAttribute('data-call-id', card.CALL_ID);
      node.setAttribute('data-phone', card.PHONE_NUMBER);
      node.setAttribute('data-line', card.LINE_NUMBER || '');
      node.textContent = (CALL_TYPES[card.TYPE] || 'Звонок') + ' · ' + card.PHONE_NUMBER;
      box.appendChild(node);
    });
  }

  function pollCards() {
    api('cards', { auth: session.AUTH_ID })
      .then(function (answer) {
        if (answer.ok) renderCards(answer.data.cards);
      })
      .catch(function () {
        return undefined;
      })
      .then(function () {
        setTimeout(pollCards, CARD_POLL_MS);
      });
  }

  api('session', { portal: query.get('portal') || '', user: query.get('user') || '1', lang: query.get('lang') || '' })
    .then(function (answer) {
      if (!answer.ok) throw new Error('portal session failed: ' + JSON.stringify(answer.data));
      session = answer.data;
      window.__b24Session = { memberId: session.memberId, appSid: session.appSid, authId: session.AUTH_ID };
      appOrigin = new URL(session.appUrl).origin;
      document.getElementById('portal-title').textContent = session.memberId + ' · ' + session.user.name;
      iframe = document.createElement('iframe');
      // What the SDK parses: DOMAIN|PROTOCOL|APP_SID.
      iframe.name = location.host + '|' + (location.protocol === 'https:' ? '1' : '0') + '|' + session.appSid;
      iframe.id = 'app-frame';
      document.getElementById('app-container').appendChild(iframe);
      window.addEventListener('message', onMessage);
      postFormIntoFrame();
      if (query.get('cards') !== '0') pollCards();
    })
    .catch(function (error) {
      console.error(error);
      document.body.setAttribute('data-portal-error', String(error));
    });
})();
