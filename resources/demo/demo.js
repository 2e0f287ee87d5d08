// The demo page: one real lib-jitsi-meet client (the 2020 or the late-2021 build, as the tests use them) joins a
// room through the local Prosody (BOSH) and shows what it sees of the conference. window.demo.summary() gives
// the same facts as plain data for tests/browser (driver.mjs).
//
// URL parameters (the form fills them too): room, name, client=2020|2021, autojoin=1. Optional, URL only:
// region=R (the client's deploymentInfo.userRegion: its presence carries R, the focus picks a bridge there)
// and sourceNames=1 (the 2021 build's source-name signaling: its remote tracks carry the focus's names).
// config.js (written next to this file by make-www.sh) sets window.DEMO_CONFIG = {domain, bosh, operator}.
'use strict';

(function () {
    const cfg = window.DEMO_CONFIG || {};
    const params = new URLSearchParams(location.search);
    const form = document.getElementById('join');
    for (const key of ['room', 'name', 'client']) {
        if (params.get(key)) form.elements[key].value = params.get(key);
    }

    const state = {
        client: null, room: null, nick: null, connected: false, joined: false, left: false,
        failures: [], events: [], conference: null, connection: null, localTracks: []
    };

    function log(what, detail) {
        const entry = { t: Date.now(), what, detail: detail || '' };
        state.events.push(entry);
        const li = document.createElement('li');
        li.textContent = new Date(entry.t).toISOString().substring(11, 23) + ' ' + what +
            (detail ? ' ' + detail : '');
        const list = document.getElementById('events');
        list.insertBefore(li, list.firstChild);
        render();
    }

    function fail(what, error) {
        const text = String(error && (error.stack || error.message) || error);
        state.failures.push(what + ': ' + text);
        log('FAILED ' + what, text.split('\n')[0]);
    }

    function load(src) {
        return new Promise((resolve, reject) => {
            const s = document.createElement('script');
            s.src = src;
            s.onload = resolve;
            s.onerror = () => reject(new Error('cannot load ' + src));
            document.head.appendChild(s);
        });
    }

    // Legacy Chrome getUserMedia constraints ({optional: [{echoCancellation: true}, {googX: ...}]},
    // {mandatory: {minWidth: ...}}) in today's shape: standard names become `ideal` (optional) or exact ranges
    // (mandatory); Chrome-only goog* names, which Chromium ignores anyway, are dropped.
    function modernConstraints(c) {
        if (!c || typeof c !== 'object') return c;
        const out = {};
        const legacyRange = /^(min|max)(Width|Height|FrameRate|AspectRatio)$/;
        for (const [key, value] of Object.entries(c)) {
            if (key === 'optional' && Array.isArray(value)) {
                for (const o of value) {
                    for (const [k, v] of Object.entries(o)) {
                        if (!k.startsWith('goog') && !(k in out)) out[k] = { ideal: v };
                    }
                }
            } else if (key === 'mandatory' && typeof value === 'object') {
                for (const [k, v] of Object.entries(value)) {
                    const r = legacyRange.exec(k);
                    if (!r) continue;
                    const name = r[2][0].toLowerCase() + r[2].substring(1);
                    out[name] = Object.assign(typeof out[name] === 'object' ? out[name] : {}, { [r[1]]: v });
                }
            } else {
                out[key] = value;
            }
        }
        return Object.keys(out).length ? out : true;
    }

    // Browser-API shims for what an old client build does that today's Chromium no longer accepts. Each one is
    // named in the README ("Browser tests"); the focus's messages are never changed for a client.
    function applyShims(client) {
        const browser = window.JitsiMeetJS.util.browser;
        if (client === '2020') {
            // 1. The 2020 build runs Chrome in Plan B (sdpSemantics 'plan-b'); Chromium has dropped Plan B and
            // ignores that setting, so the client's Plan B code would drive a Unified Plan connection. Its
            // Unified Plan mode (then used for Firefox and Safari) is the one today's Chromium can run.
            browser.usesUnifiedPlan = () => true;
            browser.usesPlanB = () => false;
            browser.supportsSdpSemantics = () => false;
            // 2. It asks for the microphone with Chrome's legacy constraint shape, which Chromium now refuses
            // ("Malformed constraints object").
            const md = navigator.mediaDevices;
            const original = md.getUserMedia.bind(md);
            md.getUserMedia = constraints => original({
                audio: modernConstraints(constraints.audio), video: modernConstraints(constraints.video)
            });
        }
        if (client === '2021') {
            // The 2021 build changes a video sender's encodings with parameters it did not just read; Chromium
            // now refuses that ("getParameters() has never been called on this sender"). Read them first and
            // apply the caller's changes on top.
            const setParameters = RTCRtpSender.prototype.setParameters;
            RTCRtpSender.prototype.setParameters = function (parameters, ...rest) {
                const fresh = this.getParameters();
                return setParameters.call(this, Object.assign({}, fresh, parameters,
                    { transactionId: fresh.transactionId }), ...rest);
            };
        }
    }

    async function join(client, room, name) {
        state.client = client;
        state.room = room;
        document.getElementById('room-name').textContent = room + '@conference.' + cfg.domain;
        document.getElementById('status').textContent = 'loading client ' + client;
        await load('lib/jquery.min.js');
        window.jquery = window.jQuery;  // the 2021 bundle's UMD header looks for this name
        await load('lib/' + client + '/lib-jitsi-meet.min.js');
        const J = window.JitsiMeetJS;
        applyShims(client);
        J.init({ disableAudioLevels: true, sourceNameSignaling: params.get('sourceNames') === '1' });
        J.setLogLevel(J.logLevels.WARN);
        const bosh = new URL(cfg.bosh || '/http-bind', location.href).href;
        const connection = new J.JitsiConnection(null, null, {
            hosts: { domain: cfg.domain, muc: 'conference.' + cfg.domain, focus: 'focus.' + cfg.domain },
            bosh, serviceUrl: bosh, clientNode: 'http://jitsi.org/jitsimeet'
        });
        state.connection = connection;
        const C = J.events.connection;
        connection.addEventListener(C.CONNECTION_ESTABLISHED, () => {
            state.connected = true;
            log('connected', 'over BOSH');
            enter(J, connection, room, name).catch(e => fail('join', e));
        });
        connection.addEventListener(C.CONNECTION_FAILED, e => fail('connection', e));
        connection.connect();
    }

    async function enter(J, connection, room, name) {
        const tracks = await J.createLocalTracks({ devices: ['audio', 'video'], resolution: 180 });
        state.localTracks = tracks;
        const video = tracks.find(t => t.getType() === 'video');
        if (video) video.attach(document.getElementById('preview'));
        const options = { p2p: { enabled: false } };
        if (params.get('region')) options.deploymentInfo = { userRegion: params.get('region') };
        const conference = connection.initJitsiConference(room, options);
        state.conference = conference;
        const E = J.events.conference;
        conference.on(E.CONFERENCE_JOINED, () => {
            state.joined = true;
            state.nick = conference.myUserId();
            log('joined', 'as ' + state.nick);
        });
        conference.on(E.CONFERENCE_FAILED, e => fail('conference', e));
        conference.on(E.CONFERENCE_ERROR, e => fail('conference error', e));
        conference.on(E.USER_JOINED, (id, p) => log('user joined', id + (p.getDisplayName() ? ' (' +
            p.getDisplayName() + ')' : '')));
        conference.on(E.USER_LEFT, id => log('user left', id));
        conference.on(E.USER_ROLE_CHANGED, (id, role) => log('role', id + ' is ' + role));
        conference.on(E.TRACK_ADDED, t => {
            if (!t.isLocal()) log('track added', t.getParticipantId() + ' ' + t.getType() + ' ssrc ' + t.getSSRC());
        });
        conference.on(E.TRACK_REMOVED, t => {
            if (!t.isLocal()) log('track removed', t.getParticipantId() + ' ' + t.getType());
        });
        for (const t of tracks) await conference.addTrack(t);
        if (name) conference.setDisplayName(name);
        conference.join();
    }

    // Sections of an SDP: media type, ICE credentials, candidates and a=ssrc lines.
    function parseSdp(sdp) {
        const sections = [];
        for (const line of (sdp || '').split(/\r?\n/)) {
            if (line.startsWith('m=')) sections.push({ media: line.substring(2).split(' ')[0], ssrcs: {},
                candidates: [], ufrag: null, fingerprint: null });
            const m = sections[sections.length - 1];
            if (!m) continue;
            let r;
            if ((r = /^a=ssrc:(\d+) (\w+):?(.*)$/.exec(line))) {
                const ssrc = m.ssrcs[r[1]] || (m.ssrcs[r[1]] = { ssrc: Number(r[1]) });
                ssrc[r[2]] = r[3];
            } else if ((r = /^a=candidate:\S+ \d+ (\S+) \d+ (\S+) (\d+) typ (\S+)/.exec(line))) {
                m.candidates.push(r[2] + ':' + r[3] + ' ' + r[1].toLowerCase() + ' ' + r[4]);
            } else if (line.startsWith('a=ice-ufrag:')) {
                m.ufrag = line.substring(12);
            } else if (line.startsWith('a=fingerprint:')) {
                m.fingerprint = line.substring(14).split(' ')[0];
            }
        }
        return sections;
    }

    function jingle() {
        const s = state.conference && state.conference.jvbJingleSession;
        if (!s) return null;
        const pc = s.peerconnection && s.peerconnection.peerconnection;
        const remote = pc && pc.remoteDescription ? parseSdp(pc.remoteDescription.sdp) : [];
        const local = pc && pc.localDescription ? parseSdp(pc.localDescription.sdp) : [];
        const first = remote.find(m => m.candidates.length) || remote[0] || {};
        return {
            sid: s.sid, state: s.state,
            signalingState: pc ? pc.signalingState : null,
            iceConnectionState: pc ? pc.iceConnectionState : null,
            remoteDescription: pc && pc.remoteDescription ? pc.remoteDescription.type : null,
            localDescription: pc && pc.localDescription ? pc.localDescription.type : null,
            bridgeCandidates: first.candidates || [], bridgeUfrag: first.ufrag || null,
            bridgeFingerprint: first.fingerprint || null,
            remoteSources: [].concat(...remote.map(m => Object.values(m.ssrcs).map(x => ({
                media: m.media, ssrc: x.ssrc, msid: x.msid || '', cname: x.cname || '' })))),
            localSsrcs: [].concat(...local.map(m => Object.keys(m.ssrcs).map(ssrc => ({
                media: m.media, ssrc: Number(ssrc) }))))
        };
    }

    function participants() {
        const out = {};
        if (!state.conference) return out;
        for (const p of state.conference.getParticipants()) {
            out[p.getId()] = {
                name: p.getDisplayName() || '', role: p.getRole() || '',
                tracks: p.getTracks().map(t => ({
                    type: t.getType(), ssrc: t.getSSRC(), name: t.getSourceName ? t.getSourceName() || '' : ''
                }))
            };
        }
        return out;
    }

    // What the tests read: plain data only.
    function summary() {
        const c = state.conference;
        const inRoom = c && state.joined && !state.left;
        let role = null, moderator = false;
        try {
            role = inRoom ? c.getRole() : null;
            moderator = inRoom ? c.isModerator() : false;
        } catch (e) {
            // Mid-leave the client has already dropped its room.
        }
        return {
            client: state.client, room: state.room, connected: state.connected, joined: state.joined,
            left: state.left, nick: state.nick, role, moderator,
            participants: participants(), jingle: jingle(), failures: state.failures.slice(),
            events: state.events.map(e => e.what + (e.detail ? ' ' + e.detail : ''))
        };
    }

    function cell(row, text, cls) {
        const td = row.insertCell();
        td.textContent = text;
        if (cls) td.className = cls;
        return td;
    }

    function render() {
        const s = summary();
        document.getElementById('status').textContent = s.left ? 'left the room' : s.joined
            ? 'in the room as ' + s.nick + (s.moderator ? ' (moderator)' : '')
            : s.connected ? 'joining…' : document.getElementById('status').textContent;
        const people = document.querySelector('#people tbody');
        people.textContent = '';
        if (s.joined) {
            const me = people.insertRow();
            me.className = 'me';
            cell(me, s.nick + ' (this tab)', 'mono');
            cell(me, params.get('name') || form.elements.name.value || '');
            cell(me, s.role + (s.moderator ? ' ★' : ''));
            cell(me, '—');
        }
        const owners = {};
        for (const [id, p] of Object.entries(s.participants)) {
            const row = people.insertRow();
            cell(row, id, 'mono');
            cell(row, p.name);
            cell(row, p.role + (p.role === 'moderator' ? ' ★' : ''));
            const kinds = p.tracks.map(t => t.type).sort();
            cell(row, kinds.length ? kinds.join(' + ') : 'none yet', kinds.length >= 2 ? 'ok' : 'bad');
            for (const t of p.tracks) owners[t.ssrc] = id;
        }
        const dl = document.getElementById('jingle');
        dl.textContent = '';
        const j = s.jingle;
        const rows = j ? [['sid', j.sid], ['session state', j.state], ['signaling', j.signalingState],
            ['offer applied', j.remoteDescription ? 'yes (' + j.remoteDescription + ')' : 'no'],
            ['answer', j.localDescription || 'none'], ['ICE', j.iceConnectionState],
            ['bridge candidates', j.bridgeCandidates.join(', ') || 'none'], ['bridge ufrag', j.bridgeUfrag],
            ['bridge fingerprint', j.bridgeFingerprint]] : [['session', 'no offer from the focus yet']];
        for (const [k, v] of rows) {
            dl.appendChild(document.createElement('dt')).textContent = k;
            dl.appendChild(document.createElement('dd')).textContent = v === null ? '—' : String(v);
        }
        const sources = document.querySelector('#sources tbody');
        sources.textContent = '';
        // A track carries one SSRC of its stream; the stream's other SSRCs (simulcast layers, RTX) share its
        // msid, so they belong to the same participant.
        const remoteSources = j ? j.remoteSources : [];
        const byMsid = {};
        for (const src of remoteSources) {
            if (owners[src.ssrc]) byMsid[src.msid] = owners[src.ssrc];
        }
        for (const src of remoteSources) {
            const row = sources.insertRow();
            cell(row, src.media);
            cell(row, String(src.ssrc), 'mono');
            cell(row, owners[src.ssrc] || byMsid[src.msid] ||
                (src.msid.indexOf('mixedmslabel') >= 0 ? 'bridge (mixed)' : '?'));
            cell(row, src.msid, 'mono');
        }
        document.getElementById('local-sources').textContent = j && j.localSsrcs.length
            ? 'SSRCs in this tab\'s answer: ' + j.localSsrcs.map(x => x.media + ' ' + x.ssrc).join(', ') : '';
    }

    async function leave() {
        if (!state.conference || state.left) return;
        state.left = true;
        await state.conference.leave();
        state.joined = false;
        log('left');
        state.connection.disconnect();
    }

    window.demo = { summary, leave, render, join: (client, room, name) => join(client, room, name) };
    if (cfg.operator) {
        const a = document.getElementById('operator');
        a.href = cfg.operator;
        a.hidden = false;
    }
    setInterval(render, 500);
    form.addEventListener('submit', ev => {
        ev.preventDefault();
        form.querySelector('button').disabled = true;
        join(form.elements.client.value, form.elements.room.value, form.elements.name.value)
            .catch(e => fail('load', e));
    });
    if (params.get('autojoin') === '1') {
        form.querySelector('button').disabled = true;
        join(form.elements.client.value, form.elements.room.value, form.elements.name.value)
            .catch(e => fail('load', e));
    }
})();
