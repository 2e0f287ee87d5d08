-- A meeting id per MUC room, for the tests and local runs of this focus, written from the behaviour documented
-- for Jitsi Meet's module of that name (jitsi-meet-prosody ships it; Debian's prosody does not):
--
--   Component "conference.example.com" "muc"
--       modules_enabled = { "muc_meeting_id" }
--
-- Every new room gets a random UUID. It is published as the field muc#roominfo_meetingId of the room's
-- configuration form (what the focus fetches when it joins) and of its disco#info extended form. The focus
-- uses it as the Colibri2 conference's meeting-id (README, "Modern bridges"). Rooms whose configuration was
-- already made keep their id while they exist.
local uuid = require "util.uuid";

local function meeting_id_field(room)
	return {
		name = "muc#roominfo_meetingId";
		type = "text-single";
		label = "The meeting unique id.";
		value = room._data.meetingId or "";
	};
end

module:hook("muc-room-created", function(event)
	event.room._data.meetingId = uuid.generate();
	module:log("debug", "meeting id %s for %s", event.room._data.meetingId, event.room.jid);
end);

module:hook("muc-config-form", function(event)
	table.insert(event.form, meeting_id_field(event.room));
end, 90-3);

module:hook("muc-disco#info", function(event)
	table.insert(event.form, meeting_id_field(event.room));
	-- Prosody 0.12 fills disco#info forms from formdata, not from the layout's values.
	if event.formdata then event.formdata["muc#roominfo_meetingId"] = event.room._data.meetingId; end
end);
