import Testing

@testable import TwitchSimHelix

@Suite struct FormFieldsTests {
  @Test func decodesPlusAndPercentEscapes() {
    let fields = FormFields(encoded: "scopes=chat%3Aread+chat%3Aedit&id=1&id=2&empty=&flag")
    #expect(fields["scopes"] == "chat:read chat:edit")
    #expect(fields.all("id") == ["1", "2"])
    #expect(fields["empty"] == nil)
    #expect(fields["flag"] == nil)
  }

  @Test func earlierFieldsWinWhenMerged() {
    let merged = FormFields(encoded: "a=1").merging(FormFields(encoded: "a=2&b=3"))
    #expect(merged["a"] == "1")
    #expect(merged["b"] == "3")
  }
}
