import FanoutCore
import Foundation

extension ConsoleViews {
    struct Series {
        var kind: String
        var label: String
        /// SVG polyline points, "x,y x,y …".
        var points: String
        var total: Int
        var delta: String
        var gross: String?
    }

    struct PurchasedItem {
        var id: Int64
        var text: String
        var date: String
        var price: String
        var purchasedCount: Int
        var sentCount: Int
    }

    struct Analytics {
        var width: Int
        var height: Int
        var from: String
        var to: String
        var peak: Int
        var series: [Series]
        var purchased: [PurchasedItem]
        var csrf: String
        var nav: Nav
        var error: String? = nil
    }

    struct Buyer {
        var id: Int64
        var name: String
        var username: String
    }

    struct Buyers {
        var text: String
        var buyers: [Buyer]
        var next: String?
        var csrf: String
        var nav: Nav
        var error: String? = nil
    }

    /// The four daily series as polylines on one scale, drawn in SVG on the server.
    static func analytics(
        _ chart: [ActivityKind: ActivitySeries], purchased: [MassMessage], csrf: String, nav: Nav
    ) -> Analytics {
        let width = 600, height = 200
        let kinds = ActivityKind.allCases
        let days = chart[kinds[0]]?.points.map(\.day) ?? []
        let peak = max(1, kinds.compactMap { chart[$0]?.points.map(\.count).max() }.max() ?? 1)
        let step = days.count > 1 ? Double(width) / Double(days.count - 1) : 0
        let labels: [ActivityKind: String] = [
            .groupMessages: "Mass messages delivered", .groupMessagesPurchases: "Mass messages bought",
            .directMessages: "Direct messages", .directMessagesPurchases: "Direct messages bought",
        ]
        let series = kinds.compactMap { kind -> Series? in
            guard let values = chart[kind], let label = labels[kind] else { return nil }
            let points = values.points.enumerated().map { index, point -> String in
                let x = Double(index) * step, y = Double(height) - Double(point.count) / Double(peak) * Double(height - 10)
                return "\((x * 10).rounded() / 10),\((y * 10).rounded() / 10)"
            }.joined(separator: " ")
            return Series(
                kind: kind.rawValue, label: label, points: points, total: values.total,
                delta: values.delta >= 0 ? "+\(values.delta)" : String(values.delta), gross: values.gross.isZero ? nil : values.gross.decimalString)
        }
        return Analytics(
            width: width, height: height, from: days.first ?? "", to: days.last ?? "", peak: peak, series: series,
            purchased: purchased.map {
                PurchasedItem(
                    id: $0.id, text: $0.text.isEmpty ? "(no text)" : $0.text, date: time($0.date), price: $0.price.decimalString,
                    purchasedCount: $0.purchasedCount, sentCount: $0.sentCount)
            },
            csrf: csrf, nav: nav)
    }
}
