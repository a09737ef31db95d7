@testable import FanoutPostgres
import FanoutTestSupport
import Foundation
import PostgresNIO
import Testing

/// The read pages come back packed into one `record[]` cell; these read
/// PostgreSQL's own binary form of one, as the pages get it.
@Suite(.needsPostgreSQL)
struct PostgresPackedRowsTests {
    static let twoRecords = """
        SELECT array_agg(ROW(v.id, v.small, v.flag, v.name, v.at, v.media, v.missing) ORDER BY v.id)
        FROM (VALUES (1::bigint, 2::integer, true, 'Zoë ✓'::text, '2026-01-02 03:04:05.123456+00'::timestamptz, ARRAY[3, 4]::bigint[], NULL::bigint),
                     (2, -7, false, '', '1999-12-31 23:59:59+00', '{}'::bigint[], 9)) AS v (id, small, flag, name, at, media, missing)
        """

    static func packed(_ sql: String) async throws -> [PostgresRecordColumns] {
        let server = try PostgresURL(try #require(TestPostgres.url))
        return try await TestPostgres.withClient(server) { client in
            var rows: [PostgresRow] = []
            for try await row in try await client.query(PostgresQuery(unsafeSQL: sql), logger: TestPostgres.logger) { rows.append(row) }
            return try PostgresPackedRows.records(rows)
        }
    }

    @Test func eachRecordsFieldsReadInOrder() async throws {
        var records = try await Self.packed(Self.twoRecords)
        #expect(records.count == 2)

        #expect(try records[0].int64(0) == 1)
        #expect(try records[0].int(1) == 2, "an integer column reads as a bigint")
        #expect(try records[0].bool(2))
        #expect(try records[0].text(3) == "Zoë ✓")
        let at = try records[0].date(4).timeIntervalSince1970
        #expect(abs(at - 1_767_323_045.123456) < 0.000_001)
        #expect(try records[0].int64Array(5) == [3, 4])
        #expect(try records[0].optionalInt64(6) == nil)

        #expect(try records[1].int64(1) == -7)
        #expect(try records[1].date(4) == Date(timeIntervalSince1970: 946_684_799))
        #expect(try records[1].int64Array(5) == [], "an empty array")
        #expect(try records[1].optionalInt64(6) == 9)
    }

    @Test func fieldsMayBeSkippedButNotReadBack() async throws {
        var records = try await Self.packed(Self.twoRecords)
        #expect(try records[1].text(3) == "", "fields 0-2 skipped")
        #expect(throws: PostgresPackedRowsError.self) { try records[1].int64(0) }
        #expect(throws: PostgresPackedRowsError.self) { try records[0].int64(7) }
    }

    @Test func aFieldOfAnotherTypeOrNULLWhereAValueIsNeededThrows() async throws {
        var records = try await Self.packed(Self.twoRecords)
        #expect(throws: PostgresPackedRowsError.self) { try records[0].bool(0) }
        #expect(throws: PostgresPackedRowsError.self) { try records[1].text(2) }
        #expect(throws: PostgresPackedRowsError.self) { try records[1].optionalDate(3) }
        var nulls = try await Self.packed("SELECT array_agg(ROW(NULL::bigint, NULL::boolean))")
        #expect(throws: PostgresPackedRowsError.self) { try nulls[0].int64(0) }
        #expect(throws: PostgresPackedRowsError.self) { try nulls[0].bool(1) }
    }

    @Test func anEmptyPageIsNoRecords() async throws {
        #expect(try await Self.packed("SELECT array_agg(ROW(1, 2)) FROM (SELECT 1 WHERE false) AS nothing").isEmpty)
        #expect(try await Self.packed("SELECT array_agg(ROW(1, 2)) FROM (SELECT 1 WHERE false) AS nothing LIMIT 0").isEmpty)
    }
}
