#pragma once
// Where a process's resident memory is, from /proc/PID/smaps: every mapping grouped by what backs it (a file
// by its name, [heap], [stack], anonymous) and by kind (text = executable, rodata = read-only: constants,
// unwind tables, relocated pointers once made read-only; data = writable), with RSS, PSS
// (resident pages divided by the number of processes sharing them) and the private part. RSS counts every
// page mapped, also those of shared libraries other processes have mapped too (and the kernel maps up to 64
// KB around each page fault of a file already in the page cache): PSS is what the process costs the machine.
// Used to say what holds the focus's idle RSS where it is.
#include <sys/types.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace jicofo::bench {

struct SmapsGroup {
    std::string name;  // "libcrypto.so.3 text" (or rodata, data), "[heap]", "anonymous"
    long rssKb = 0, pssKb = 0, privateKb = 0;
};

// Groups sorted by RSS, largest first.
inline std::vector<SmapsGroup> smapsGroups(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/smaps");
    std::map<std::string, SmapsGroup> groups;
    SmapsGroup* current = nullptr;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string first, perms, offset, dev, inode, path;
        fields >> first;
        if (!first.empty() && first.back() == ':') {  // "Rss:   12 kB"
            long kb = 0;
            fields >> kb;
            if (!current) continue;
            if (first == "Rss:") current->rssKb += kb;
            if (first == "Pss:") current->pssKb += kb;
            if (first == "Private_Clean:" || first == "Private_Dirty:") current->privateKb += kb;
            continue;
        }
        // "7f..-7f.. r-xp 00000000 08:01 1234   /usr/lib/x86_64-linux-gnu/libssl.so.3"
        fields >> perms >> offset >> dev >> inode;
        if (perms.size() < 4) continue;  // not a mapping line
        std::getline(fields >> std::ws, path);
        std::string name;
        if (path.empty())
            name = "anonymous";
        else if (path[0] == '[')
            name = path;
        else
            name = path.substr(path.rfind('/') + 1) + (perms[2] == 'x'   ? " text"
                                                       : perms[1] == 'w' ? " data"
                                                                         : " rodata");
        current = &groups[name];
        current->name = name;
    }
    std::vector<SmapsGroup> out;
    for (auto& [name, g] : groups) out.push_back(g);
    std::sort(out.begin(), out.end(),
              [](const SmapsGroup& a, const SmapsGroup& b) { return a.rssKb > b.rssKb; });
    return out;
}

// The files the process maps (program, shared libraries, locale data...), by path.
inline std::set<std::string> mappedFiles(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/maps");
    std::set<std::string> files;
    std::string line;
    while (std::getline(in, line)) {
        auto slash = line.find(" /");
        if (slash != std::string::npos) files.insert(line.substr(slash + 1));
    }
    return files;
}

}  // namespace jicofo::bench
