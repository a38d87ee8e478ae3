import Foundation

/// Number formats for the printed tables.
enum Format {
  /// `1234567` as `1,234,567`.
  static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (offset, digit) in digits.enumerated() {
      if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return value < 0 ? "-" + result : result
  }

  static func grouped(_ value: Double) -> String {
    value.isFinite ? grouped(Int(value.rounded())) : "n/a"
  }

  /// A fixed number of decimals.
  static func fixed(_ value: Double, _ decimals: Int = 1) -> String {
    value.isFinite ? String(format: "%.\(decimals)f", value) : "n/a"
  }

  /// Kibibytes as mebibytes with one decimal.
  static func mebibytes(kibibytes: Int) -> String {
    fixed(Double(kibibytes) / 1024, 1) + " MiB"
  }
}

/// A Markdown table, columns padded so it also reads well in a terminal.
struct MarkdownTable {
  let headers: [String]
  var rows: [[String]] = []

  init(_ headers: String...) {
    self.headers = headers
  }

  mutating func add(_ cells: String...) {
    rows.append(cells)
  }

  func render() -> String {
    var widths = headers.map(\.count)
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = Swift.max(widths[index], cell.count)
      }
    }
    func line(_ cells: [String]) -> String {
      let padded = widths.indices.map { index -> String in
        let cell = index < cells.count ? cells[index] : ""
        return cell + String(repeating: " ", count: widths[index] - cell.count)
      }
      return "| " + padded.joined(separator: " | ") + " |"
    }
    var lines = [line(headers)]
    lines.append("| " + widths.map { String(repeating: "-", count: Swift.max($0, 3)) }.joined(separator: " | ") + " |")
    lines += rows.map(line)
    return lines.joined(separator: "\n")
  }
}
