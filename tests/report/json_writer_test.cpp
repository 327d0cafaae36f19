#include "report/json_writer.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

// The writer's promise is nlohmann::json's dump(2), byte for byte: each
// document below is written both ways.
TEST_CASE("the JSON writer prints what nlohmann::json dump(2) prints", "[report]") {
  const std::string awkward = std::string("tab\there \"quoted\" back\\slash\nline\r\f\b ") +
                              std::string(1, '\0') +
                              "\x01\x1f\x7f caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D";
  nlohmann::json expected = {
      {"a_empty_array", nlohmann::json::array()},
      {"b_empty_object", nlohmann::json::object()},
      {"c_numbers", {0, 7, 18446744073709551615ULL}},
      {"d_nested", {{"inner", {{"deep", {1, {{"x", nullptr}}}}}}, {"more", true}}},
      {"e_string", awkward},
      {"f_value", {{"z", 0.35}, {"a", {1.5, -2}}}},
      {"g_null", nullptr},
      {"h_false", false}};
  std::string out;
  stet::report::JsonWriter json(out);
  json.BeginObject();
  json.Key("a_empty_array");
  json.BeginArray();
  json.EndArray();
  json.Key("b_empty_object");
  json.BeginObject();
  json.EndObject();
  json.Key("c_numbers");
  json.BeginArray();
  json.Number(0);
  json.Number(7);
  json.Number(18446744073709551615ULL);
  json.EndArray();
  json.Key("d_nested");
  json.BeginObject();
  json.Key("inner");
  json.BeginObject();
  json.Key("deep");
  json.BeginArray();
  json.Number(1);
  json.BeginObject();
  json.Key("x");
  json.Null();
  json.EndObject();
  json.EndArray();
  json.EndObject();
  json.Key("more");
  json.Bool(true);
  json.EndObject();
  json.Key("e_string");
  json.String(awkward);
  json.Key("f_value");
  json.Value(expected["f_value"]);
  json.Key("g_null");
  json.Null();
  json.Key("h_false");
  json.Bool(false);
  json.EndObject();
  CHECK(out == expected.dump(2));

  std::string array_out;
  stet::report::JsonWriter array(array_out);
  array.BeginArray();
  array.Value(expected["d_nested"]);
  array.String("");
  array.EndArray();
  CHECK(array_out == nlohmann::json::array({expected["d_nested"], ""}).dump(2));
}

TEST_CASE("the JSON writer escapes a string as nlohmann::json does at every offset", "[report]") {
  // Characters that need an escape and characters that must pass, at every
  // place in strings of up to 24 characters: the writer passes over eight
  // plain bytes at once.
  const std::vector<std::string> pieces = {"x",
                                           "x",
                                           "x",
                                           "\"",
                                           "\\",
                                           "\n",
                                           "\x1f",
                                           " ",
                                           "~",
                                           "\x7f",
                                           std::string(1, '\0'),
                                           "\xC3\xA9",
                                           "\xE2\x80\x9C"};
  std::mt19937 random(17);
  for (int round = 0; round < 3000; ++round) {
    std::string value;
    const std::size_t length = random() % 25;
    for (std::size_t k = 0; k < length; ++k) value += pieces[random() % pieces.size()];
    std::string out;
    stet::report::JsonWriter json(out);
    json.String(value);
    INFO(round);
    REQUIRE(out == nlohmann::json(value).dump(2));
  }
}
