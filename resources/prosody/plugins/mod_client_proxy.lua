-- A client_proxy component for the tests and local runs of this focus, written from the behaviour documented
-- for Prosody's community module of that name (which Jitsi Meet ships; Debian's prosody-modules does not):
--
--   Component "focus.example.com" "client_proxy"
--       target_address = "focus@auth.example.com"
--
-- An IQ get/set a user sends to the component's domain goes to one available resource of target_address,
-- with the sender's full JID in the resource of its from (from='focus.example.com/alice@example.com/web').
-- The target's answer (result or error) to that address goes back to the sender, from the component's domain.
-- Presence and messages are not proxied, and the target cannot start requests through the proxy: exactly the
-- limits of the module it stands in for. Differences: resources are found from the target's sessions on this
-- server (no roster subscription needed), and the first available one is taken rather than a random one.
local jid = require "util.jid";
local st = require "util.stanza";

local target = module:get_option_string("target_address");
if not target then
	module:log("error", "client_proxy %s: target_address is not set", module.host);
	return;
end
local target_bare = jid.bare(target);

-- An available resource of the target: a session that has sent its initial presence.
local function target_resource()
	local user = prosody.bare_sessions[target_bare];
	if not user then return nil; end
	for resource, session in pairs(user.sessions) do
		if session.presence then return resource; end
	end
	return nil;
end

-- user -> proxy: forward to the target with the sender in the resource.
local function forward(event)
	local stanza = event.stanza;
	local kind = stanza.attr.type;
	if kind ~= "get" and kind ~= "set" then return true; end -- a stray answer to the proxy itself
	local resource = target_resource();
	if not resource then
		event.origin.send(st.error_reply(stanza, "cancel", "service-unavailable", "no implementing client"));
		return true;
	end
	local forwarded = st.clone(stanza);
	forwarded.attr.from = module.host .. "/" .. stanza.attr.from;
	forwarded.attr.to = target_bare .. "/" .. resource;
	module:send(forwarded);
	return true;
end

-- target -> proxy/sender: the answer goes back to the sender, from the proxy.
local function answer(event, sender)
	local stanza = event.stanza;
	if jid.bare(stanza.attr.from) ~= target_bare then
		-- Only the target may speak through the proxy.
		if stanza.attr.type == "get" or stanza.attr.type == "set" then
			event.origin.send(st.error_reply(stanza, "auth", "forbidden"));
		end
		return true;
	end
	local kind = stanza.attr.type;
	if kind ~= "result" and kind ~= "error" then
		event.origin.send(st.error_reply(stanza, "cancel", "feature-not-implemented",
			"the implementing client cannot start requests through the proxy"));
		return true;
	end
	if not jid.prep(sender) then return true; end
	local reply = st.clone(stanza);
	reply.attr.from = module.host;
	reply.attr.to = sender;
	module:send(reply);
	return true;
end

-- Prosody names every address without a node "host", with or without a resource.
module:hook("iq/host", function(event)
	local _, _, resource = jid.split(event.stanza.attr.to);
	if resource then return answer(event, resource); end
	return forward(event);
end);
