#pragma once
// A value or an error, without exceptions crossing library boundaries (docs/architecture.md: nothing throws
// out of protocol/).
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace jicofo::util {

template <typename T, typename E>
class Result {
  public:
    Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
    Result(E error) : v_(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    const E& error() const { return std::get<1>(v_); }

    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }

  private:
    std::variant<T, E> v_;
};

}  // namespace jicofo::util
