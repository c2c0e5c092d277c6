// SharedCache: unbounded for a batch, bounded (starting afresh when full) for the server.
#include "common/SharedCache.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace gongwen {
namespace {

TEST(SharedCache, FindsWhatWasAdded) {
  SharedCache<int> cache;
  EXPECT_EQ(cache.find("a"), nullptr);
  cache.add("a", std::make_shared<const int>(1));
  ASSERT_NE(cache.find("a"), nullptr);
  EXPECT_EQ(*cache.find("a"), 1);
  EXPECT_EQ(cache.find("b"), nullptr);
}

TEST(SharedCache, UnboundedKeepsEverything) {
  SharedCache<int> cache;
  for (int i = 0; i < 1000; ++i) cache.add(std::to_string(i), std::make_shared<const int>(i));
  for (int i = 0; i < 1000; ++i) ASSERT_NE(cache.find(std::to_string(i)), nullptr) << i;
}

TEST(SharedCache, BoundedStartsAfreshWhenFull) {
  SharedCache<int> cache(2);
  cache.add("a", std::make_shared<const int>(1));
  cache.add("b", std::make_shared<const int>(2));
  EXPECT_NE(cache.find("a"), nullptr);
  cache.add("c", std::make_shared<const int>(3));  // full: a and b go
  EXPECT_EQ(cache.find("a"), nullptr);
  EXPECT_EQ(cache.find("b"), nullptr);
  ASSERT_NE(cache.find("c"), nullptr);
  EXPECT_EQ(*cache.find("c"), 3);
}

TEST(SharedCache, AValueOutlivesItsEviction) {
  SharedCache<std::string> cache(1);
  cache.add("a", std::make_shared<const std::string>("seal"));
  auto held = cache.find("a");
  cache.add("b", std::make_shared<const std::string>("other"));
  EXPECT_EQ(cache.find("a"), nullptr);
  EXPECT_EQ(*held, "seal");
}

TEST(SharedCache, ParallelUseStaysWithinItsBound) {
  SharedCache<int> cache(16);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache, t] {
      for (int i = 0; i < 2000; ++i) {
        const std::string key = std::to_string(t * 100000 + i % 40);
        if (auto v = cache.find(key)) {
          ASSERT_EQ(*v, t * 100000 + i % 40);
        } else {
          cache.add(key, std::make_shared<const int>(t * 100000 + i % 40));
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  int kept = 0;
  for (int t = 0; t < 4; ++t)
    for (int i = 0; i < 40; ++i) kept += cache.find(std::to_string(t * 100000 + i)) != nullptr;
  EXPECT_LE(kept, 16);
  EXPECT_GE(kept, 1);
}

}  // namespace
}  // namespace gongwen
