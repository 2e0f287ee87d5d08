#pragma once
// The lookups both simulators' listings (bridgesim/LiveListing, bridgesim2/Bridge2Listing) offer tests: the
// first item whose field has a value, and a count summed over the items' lists.
#include <cstddef>
#include <vector>

namespace jicofo::simcommon {

// The first item with item.*field == value; nullptr when none.
template <typename T, typename V>
const T* findBy(const std::vector<T>& items, V T::*field, const V& value) {
    for (const auto& item : items)
        if (item.*field == value) return &item;
    return nullptr;
}

// The sum of the sizes of each item's list.
template <typename T, typename L>
std::size_t sizeSum(const std::vector<T>& items, L T::*list) {
    std::size_t n = 0;
    for (const auto& item : items) n += (item.*list).size();
    return n;
}

}  // namespace jicofo::simcommon
