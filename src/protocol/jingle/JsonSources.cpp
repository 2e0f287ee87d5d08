#include "protocol/jingle/JsonSources.h"

#include <algorithm>

#include "protocol/jingle/AttrReader.h"
#include "util/Json.h"

namespace jicofo::protocol::jingle {
namespace {

const std::string* attr(const Source& s, const char* name) {
    for (const auto& [k, v] : s.extraAttrs)
        if (k == name) return &v;
    return nullptr;
}

void setAttr(Source& s, const char* name, std::string value) {
    for (auto& [k, v] : s.extraAttrs)
        if (k == name) {
            v = std::move(value);
            return;
        }
    s.extraAttrs.emplace_back(name, std::move(value));
}

bool isDesktop(const Source& s) {
    const std::string* vt = attr(s, "videoType");
    if (vt && *vt == "desktop") return true;
    return s.ssrcInfo && (s.ssrcInfo->videoType == "desktop" || s.ssrcInfo->videoType == "screen");
}

std::string ownerOf(const Source& s) {
    return s.ssrcInfo ? s.ssrcInfo->owner : std::string();
}

const char* semanticsCode(const std::string& semantics) {
    if (semantics == "FID") return "f";
    if (semantics == "SIM") return "s";
    return nullptr;
}

void writeSources(std::string& out, const std::vector<Source>& sources) {
    out += '[';
    bool first = true;
    for (const auto& s : sources) {
        if (!s.ssrc) continue;
        if (!first) out += ',';
        first = false;
        out += "{\"s\":" + std::to_string(*s.ssrc);
        if (const std::string* name = attr(s, "name"); name && !name->empty())
            out += ",\"n\":" + util::jsonQuote(*name);
        if (const std::string* msid = s.param("msid"); msid && !msid->empty())
            out += ",\"m\":" + util::jsonQuote(*msid);
        if (isDesktop(s)) out += ",\"v\":\"d\"";
        out += '}';
    }
    out += ']';
}

std::size_t writableGroups(const std::vector<SourceGroup>& groups) {
    return static_cast<std::size_t>(std::count_if(groups.begin(), groups.end(), [](const SourceGroup& g) {
        return semanticsCode(g.semantics) && !g.ssrcs.empty();
    }));
}

void writeGroups(std::string& out, const std::vector<SourceGroup>& groups) {
    out += '[';
    bool first = true;
    for (const auto& g : groups) {
        const char* code = semanticsCode(g.semantics);
        if (!code || g.ssrcs.empty()) continue;
        if (!first) out += ',';
        first = false;
        out += "[\"" + std::string(code) + "\"";
        for (uint32_t ssrc : g.ssrcs) out += "," + std::to_string(ssrc);
        out += ']';
    }
    out += ']';
}

std::optional<uint32_t> ssrcOf(const util::JsonValue& v) {
    if (!v.isNumber()) return std::nullopt;
    return parseSsrc(v.text);
}

std::optional<StanzaError> readSource(const util::JsonValue& v, const std::string& owner,
                                      MediaSourceSet& into) {
    if (!v.isObject()) return badRequest("json-message: a source is not an object");
    const util::JsonValue* s = v.member("s");
    auto ssrc = s ? ssrcOf(*s) : std::nullopt;
    if (!ssrc) return badRequest("json-message: a source without a valid \"s\"");
    Source src = Source::make(*ssrc);
    if (const auto* n = v.member("n"); n && n->isString()) setAttr(src, "name", n->text);
    if (const auto* m = v.member("m"); m && m->isString()) src.setParam("msid", m->text);
    if (const auto* t = v.member("v"); t && t->isString() && t->text == "d")
        setAttr(src, "videoType", "desktop");
    src.setOwner(owner);
    into.sources.push_back(std::move(src));
    return std::nullopt;
}

std::optional<StanzaError> readGroup(const util::JsonValue& v, MediaSourceSet& into) {
    if (!v.isArray() || v.items.size() < 2 || !v.items[0].isString())
        return badRequest("json-message: a group is not [\"f\"|\"s\", ssrc…]");
    SourceGroup g;
    const std::string& code = v.items[0].text;
    if (code == "f")
        g.semantics = "FID";
    else if (code == "s")
        g.semantics = "SIM";
    else
        return badRequest("json-message: unknown group semantics \"" + code + "\"");
    for (std::size_t i = 1; i < v.items.size(); ++i) {
        auto ssrc = ssrcOf(v.items[i]);
        if (!ssrc) return badRequest("json-message: a group SSRC is not a 32-bit number");
        g.ssrcs.push_back(*ssrc);
    }
    into.groups.push_back(std::move(g));
    return std::nullopt;
}

// [[videoSources],[videoGroups],[audioSources],[audioGroups]], trailing arrays optional.
std::optional<StanzaError> readEndpoint(const util::JsonValue& v, JsonSources::Endpoint& ep) {
    if (!v.isArray() || v.items.size() > 4) return badRequest("json-message: an owner's value is not [[…]…]");
    for (std::size_t i = 0; i < v.items.size(); ++i) {
        const util::JsonValue& part = v.items[i];
        if (!part.isArray()) return badRequest("json-message: an owner's part is not an array");
        MediaSourceSet& set = ep.sources.at(i < 2 ? "video" : "audio");
        for (const auto& item : part.items) {
            auto err = (i % 2 == 0) ? readSource(item, ep.owner, set) : readGroup(item, set);
            if (err) return err;
        }
    }
    return std::nullopt;
}

}  // namespace

JsonSources JsonSources::fromMediaSources(const MediaSources& sources) {
    JsonSources out;
    auto endpoint = [&out](const std::string& owner) -> MediaSources& {
        for (auto& e : out.endpoints)
            if (e.owner == owner) return e.sources;
        out.endpoints.push_back({owner, {}});
        // Video first, as the JSON has it; both always present so the arrays line up.
        out.endpoints.back().sources.at("video");
        out.endpoints.back().sources.at("audio");
        return out.endpoints.back().sources;
    };
    for (const auto& set : sources.entries) {
        if (set.media != "audio" && set.media != "video") continue;
        for (const auto& s : set.sources) endpoint(ownerOf(s)).at(set.media).sources.push_back(s);
        for (const auto& g : set.groups) {
            if (g.ssrcs.empty()) continue;
            const Source* first = set.findSource(g.ssrcs.front());
            endpoint(first ? ownerOf(*first) : std::string()).at(set.media).groups.push_back(g);
        }
    }
    return out;
}

MediaSources JsonSources::toMediaSources() const {
    MediaSources out;
    for (const auto& e : endpoints) out.append(e.sources);
    return out;
}

std::string JsonSources::toJson() const {
    std::string out = "{\"sources\":{";
    bool first = true;
    for (const auto& e : endpoints) {
        if (!first) out += ',';
        first = false;
        static const MediaSourceSet none;
        const MediaSourceSet* video = e.sources.find("video");
        const MediaSourceSet* audio = e.sources.find("audio");
        if (!video) video = &none;
        if (!audio) audio = &none;
        out += util::jsonQuote(e.owner) + ":[";
        writeSources(out, video->sources);
        out += ',';
        writeGroups(out, video->groups);
        out += ',';
        writeSources(out, audio->sources);
        if (writableGroups(audio->groups) > 0) {
            out += ',';
            writeGroups(out, audio->groups);
        }
        out += ']';
    }
    out += "}}";
    return out;
}

ParseResult<JsonSources> JsonSources::parse(const std::string& json) {
    std::string error;
    // {"sources":{owner:[[{…}],…]}} is five levels deep; a little room for members nobody knows.
    auto doc = util::parseJson(json, &error, 8);
    if (!doc) return badRequest("json-message is not JSON: " + error);
    const util::JsonValue* sources = doc->isObject() ? doc->member("sources") : nullptr;
    if (!sources || !sources->isObject()) return badRequest("json-message has no \"sources\" object");
    JsonSources out;
    for (const auto& [owner, value] : sources->members) {
        Endpoint ep{owner, {}};
        ep.sources.at("video");
        ep.sources.at("audio");
        if (auto err = readEndpoint(value, ep)) return *err;
        out.endpoints.push_back(std::move(ep));
    }
    return out;
}

}  // namespace jicofo::protocol::jingle
