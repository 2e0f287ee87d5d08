#include "log/LogFilter.h"

#include <boost/log/attributes/value_extraction.hpp>
#include <cctype>
#include <functional>
#include <stdexcept>
#include <vector>

#include "log/Log.h"

namespace jicofo::log {
namespace {

namespace bl = boost::log;
using Predicate = std::function<bool(const bl::attribute_value_set&)>;

struct Token {
    enum Kind { attribute, word, quoted, open, close, end } kind;
    std::string text;
};

std::vector<Token> tokenize(const std::string& s) {
    std::vector<Token> out;
    std::size_t i = 0;
    auto bad = [&s](const std::string& what) {
        throw std::invalid_argument(what + " in filter \"" + s + "\"");
    };
    while (i < s.size()) {
        char c = s[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (c == '(' || c == ')') {
            out.push_back({c == '(' ? Token::open : Token::close, std::string(1, c)});
            ++i;
        } else if (c == '%') {
            auto close = s.find('%', i + 1);
            if (close == std::string::npos || close == i + 1) bad("unclosed %attribute%");
            out.push_back({Token::attribute, s.substr(i + 1, close - i - 1)});
            i = close + 1;
        } else if (c == '"') {
            std::string text;
            for (++i; i < s.size() && s[i] != '"'; ++i) {
                if (s[i] == '\\' && i + 1 < s.size()) ++i;
                text.push_back(s[i]);
            }
            if (i == s.size()) bad("unterminated string");
            out.push_back({Token::quoted, text});
            ++i;
        } else if (std::string("=!<>&|").find(c) != std::string::npos) {
            // Operators: = != < > <= >= & | ! (the longest match).
            std::string op(1, c);
            if (i + 1 < s.size() && s[i + 1] == '=' && (c == '!' || c == '<' || c == '>')) op.push_back('=');
            out.push_back({Token::word, op});
            i += op.size();
        } else {
            std::size_t start = i;
            while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])) &&
                   std::string("()%\"=!<>&|").find(s[i]) == std::string::npos)
                ++i;
            out.push_back({Token::word, s.substr(start, i - start)});
        }
    }
    out.push_back({Token::end, ""});
    return out;
}

enum class Relation { eq, ne, lt, gt, le, ge };

bool relationNamed(const std::string& op, Relation& out) {
    static const std::pair<const char*, Relation> names[] = {{"=", Relation::eq},  {"!=", Relation::ne},
                                                             {"<", Relation::lt},  {">", Relation::gt},
                                                             {"<=", Relation::le}, {">=", Relation::ge}};
    for (const auto& [name, r] : names)
        if (op == name) return out = r, true;
    return false;
}

// Three-way comparison result -> the relation's truth (runs for every record: no strings here).
bool holds(Relation r, int cmp) {
    switch (r) {
        case Relation::eq:
            return cmp == 0;
        case Relation::ne:
            return cmp != 0;
        case Relation::lt:
            return cmp < 0;
        case Relation::gt:
            return cmp > 0;
        case Relation::le:
            return cmp <= 0;
        case Relation::ge:
            return cmp >= 0;
    }
    return false;
}

class Parser {
  public:
    explicit Parser(const std::string& text) : text_(text), tokens_(tokenize(text)) {}

    Predicate parse() {
        Predicate p = orExpr();
        if (peek().kind != Token::end) fail("unexpected \"" + peek().text + "\"");
        return p;
    }

  private:
    const Token& peek() const { return tokens_[pos_]; }
    Token next() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
    bool takeWord(const char* a, const char* b) {
        if (peek().kind == Token::word && (peek().text == a || peek().text == b)) return ++pos_, true;
        return false;
    }
    [[noreturn]] void fail(const std::string& what) const {
        throw std::invalid_argument(what + " in filter \"" + text_ + "\"");
    }

    Predicate orExpr() {
        Predicate left = andExpr();
        while (takeWord("or", "|")) {
            Predicate right = andExpr();
            left = [left, right](const bl::attribute_value_set& a) { return left(a) || right(a); };
        }
        return left;
    }
    Predicate andExpr() {
        Predicate left = unary();
        while (takeWord("and", "&")) {
            Predicate right = unary();
            left = [left, right](const bl::attribute_value_set& a) { return left(a) && right(a); };
        }
        return left;
    }
    Predicate unary() {
        if (takeWord("not", "!")) {
            Predicate inner = unary();
            return [inner](const bl::attribute_value_set& a) { return !inner(a); };
        }
        if (peek().kind == Token::open) {
            next();
            Predicate inner = orExpr();
            if (next().kind != Token::close) fail("missing )");
            return inner;
        }
        return relation();
    }
    Predicate relation() {
        Token attr = next();
        if (attr.kind != Token::attribute) fail("expected %Severity%, got \"" + attr.text + "\"");
        // The room and the message are attached to a record after the filters ran: only the severity is
        // there.
        if (attr.text != "Severity") fail("%" + attr.text + "% cannot be filtered on (only %Severity%)");
        std::string op = next().text;
        if (op == "matches") fail("regular expressions (matches) are not supported");
        Relation rel;
        if (!relationNamed(op, rel)) fail("expected = != < > <= or >= after %Severity%, got \"" + op + "\"");
        Token value = next();
        Severity level;
        if ((value.kind != Token::word && value.kind != Token::quoted) || !parseSeverity(value.text, level))
            fail("\"" + value.text + "\" is not a log level");
        bl::attribute_name severity("Severity");  // looked up once, not per record
        return [rel, level, severity](const bl::attribute_value_set& a) {
            auto sev = bl::extract<Severity>(severity, a);
            return sev && holds(rel, static_cast<int>(*sev) - static_cast<int>(level));
        };
    }

    std::string text_;
    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
};

}  // namespace

boost::log::filter parseFilter(const std::string& text) {
    if (text.find_first_not_of(" \t") == std::string::npos)
        return [](const bl::attribute_value_set&) { return true; };
    Predicate p = Parser(text).parse();
    return [p](const bl::attribute_value_set& a) { return p(a); };
}

}  // namespace jicofo::log
