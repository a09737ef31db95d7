import Foundation
import Testing

/// Compares a response with a seed page's example, field by field: every key
/// the seed shows must be in the response, recursively (for arrays, in at
/// least one element). Keys the seeds declare nullable may be left out when null.
enum SeedShape {
    static let omittedWhenNull: Set<String> = ["giphyId", "240", "720", "template"]

    static func fixture(_ name: String) throws -> Any {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "json"))
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    }

    /// Paths (like `list[].media[].files.full.url`) the seed has and `actual` lacks.
    /// Fanout does not model release forms: media carry `releaseForms: []`.
    static let notModelled = "releaseForms[]"

    static func missingFields(seed: Any, actual: Any, path: String = "") -> [String] {
        switch (seed, actual) {
        case (let seed as [String: Any], let actual as [String: Any]):
            return seed.keys.sorted().flatMap { key -> [String] in
                let here = path.isEmpty ? key : "\(path).\(key)"
                guard let value = actual[key] else { return omittedWhenNull.contains(key) ? [] : [here] }
                return missingFields(seed: seed[key]!, actual: value, path: here)
            }
        case (let seed as [Any], let actual as [Any]):
            guard let example = seed.first, example is [String: Any] else { return [] }
            let merged = merge(actual.compactMap { $0 as? [String: Any] })
            guard !merged.isEmpty else {
                return path.hasSuffix(notModelled.dropLast(2)) ? [] : ["\(path)[] (no elements to compare)"]
            }
            return missingFields(seed: example, actual: merged, path: path + "[]")
        default:
            return []
        }
    }

    /// The union of several objects' keys (recursively), so that an array is
    /// judged by all its elements.
    private static func merge(_ objects: [[String: Any]]) -> [String: Any] {
        var result: [String: Any] = [:]
        for object in objects {
            for (key, value) in object {
                switch (result[key], value) {
                case (let existing as [String: Any], let new as [String: Any]): result[key] = merge([existing, new])
                case (let existing as [Any], let new as [Any]): result[key] = existing + new
                case (nil, _), (is NSNull, _): result[key] = value
                default: break
                }
            }
        }
        return result
    }
}
