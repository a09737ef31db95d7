import OpenAPIRuntime

/// A JSON null for schema-less fields (`releaseForms: null` on messages).
enum OpenAPIValueContainerNull {
    case null

    var container: OpenAPIValueContainer { try! OpenAPIValueContainer(unvalidatedValue: nil) }
}
