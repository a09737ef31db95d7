import FanoutCore

/// Reads Vault+ settings and the account PATCH bodies from decoded JSON.
/// Every unknown or ill-typed field is a 400 naming its path
/// (`vaultPlus.settings.retentionDays`).
enum AccountBodyParsing {
    typealias Object = [String: (any Sendable)?]

    /// The object at `path`, refusing any key but `allowed`.
    static func object(_ raw: (any Sendable)?, path: String, allowed: Set<String>) throws(FanoutError) -> Object {
        guard let object = raw as? Object else { throw .badRequest("\(path) must be an object", field: path) }
        if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            let field = path == "body" ? unknown : "\(path).\(unknown)"
            throw .badRequest("Unknown field \(field)", field: field, allowed: allowed.sorted().joined(separator: ", "))
        }
        return object
    }

    /// nil when absent; null is refused, as any other non-boolean.
    static func bool(_ object: Object, _ name: String, path: String) throws(FanoutError) -> Bool? {
        guard let entry = object[name] else { return nil }
        guard let flag = entry as? Bool else { throw .badRequest("\(path) must be true or false", field: path) }
        return flag
    }

    /// The value of a field that is present; null is refused (the field is a
    /// value or absent).
    static func present(_ object: Object, _ name: String, path: String) throws(FanoutError) -> (any Sendable)? {
        guard let entry = object[name] else { return nil }
        guard let value = entry else { throw .badRequest("\(path) must not be null", field: path) }
        return value
    }

    static let settingNames: Set<String> = Set(
        VaultPlusSettings.booleanFields + VaultPlusSettings.numberFields.map(\.name)
            + ["imageQualities", "videoQualities", "storageLimitPurgeStrategy"])

    /// The fields set in a settings object; null fields are left unset.
    static func settings(_ raw: (any Sendable)?, path: String) throws(FanoutError) -> VaultPlusSettings {
        let object = try object(raw, path: path, allowed: settingNames)
        var s = VaultPlusSettings()
        func flag(_ name: String) throws(FanoutError) -> Bool? { try bool(object, name, path: "\(path).\(name)") }
        s.autoCacheVault = try flag("autoCacheVault")
        s.autoCacheMessages = try flag("autoCacheMessages")
        s.autoCachePosts = try flag("autoCachePosts")
        s.autoCacheStories = try flag("autoCacheStories")
        s.cacheImages = try flag("cacheImages")
        s.cacheVideos = try flag("cacheVideos")
        s.cacheAudio = try flag("cacheAudio")
        var numbers: [String: Double] = [:]
        for (name, range) in VaultPlusSettings.numberFields {
            let field = "\(path).\(name)"
            guard let raw = try present(object, name, path: field) else { continue }
            let number: Double? = (raw as? Int).map(Double.init) ?? (raw as? Double)
            let allowed = "a number from \(Int64(range.lowerBound)) to \(Int64(range.upperBound))"
            guard let number, number.isFinite, range.contains(number) else {
                throw .badRequest("\(field) must be \(allowed)", field: field, allowed: allowed)
            }
            numbers[name] = number
        }
        s.minAccessCountVault = numbers["minAccessCountVault"]
        s.minAccessCountMessages = numbers["minAccessCountMessages"]
        s.minAccessCountPosts = numbers["minAccessCountPosts"]
        s.minAccessCountStories = numbers["minAccessCountStories"]
        s.retentionDays = numbers["retentionDays"]
        s.accessExpiryDays = numbers["accessExpiryDays"]
        s.presignedUrlTtlSeconds = numbers["presignedUrlTtlSeconds"]
        s.storageLimitBytes = numbers["storageLimitBytes"]
        s.imageQualities = try choices(
            try present(object, "imageQualities", path: "\(path).imageQualities"), path: "\(path).imageQualities", as: VaultPlusSettings.ImageQuality.self)
        s.videoQualities = try choices(
            try present(object, "videoQualities", path: "\(path).videoQualities"), path: "\(path).videoQualities", as: VaultPlusSettings.VideoQuality.self)
        if let raw = try present(object, "storageLimitPurgeStrategy", path: "\(path).storageLimitPurgeStrategy") {
            s.storageLimitPurgeStrategy = try choice(raw, path: "\(path).storageLimitPurgeStrategy", as: VaultPlusSettings.PurgeStrategy.self)
        }
        return s
    }

    static func choice<Value: RawRepresentable & CaseIterable>(_ raw: any Sendable, path: String, as _: Value.Type) throws(FanoutError) -> Value
    where Value.RawValue == String {
        let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
        guard let text = raw as? String, let value = Value(rawValue: text) else {
            throw .badRequest("\(path) must be one of \(allowed)", field: path, allowed: allowed)
        }
        return value
    }

    /// At most 10 items, each a known value.
    static func choices<Value: RawRepresentable & CaseIterable>(_ raw: (any Sendable)?, path: String, as _: Value.Type) throws(FanoutError) -> [Value]?
    where Value.RawValue == String {
        guard let raw else { return nil }
        guard let items = raw as? [(any Sendable)?], items.count <= 10 else {
            throw .badRequest("\(path) must be an array of at most 10 values", field: path)
        }
        var values: [Value] = []
        for (index, item) in items.enumerated() {
            guard let item else { throw .badRequest("\(path)[\(index)] must not be null", field: "\(path)[\(index)]") }
            values.append(try choice(item, path: "\(path)[\(index)]", as: Value.self))
        }
        return values
    }
}
