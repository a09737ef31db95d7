import FanoutCore
import Testing

/// The part size announced to the SDK's `upload_media` (its
/// `x-ofauth-upload-*` headers): a file cut by it fits the upload's rules.
@Suite struct UploadPartPlanTests {
    static let mebibyte = 1 << 20

    @Test(arguments: [
        (1, 1), (5 * mebibyte, 1), (5 * mebibyte + 1, 2), (12 * mebibyte, 3), (512 * mebibyte, 103),
    ])
    func fiveMebibytePartsForFilesUpToFiftyGigabytes(size: Int, parts: Int) {
        #expect(UploadService.partPlan(size: size) == (5 * Self.mebibyte, parts))
    }

    @Test(arguments: [Int.max, Int.max - 1, 50 * 1024 * 1024 * 1024 + 1, 1 << 40, 0, -5])
    func neverMoreThanTheMostPartsAnUploadTakesAndNoOverflow(size: Int) {
        let plan = UploadService.partPlan(size: size)
        #expect((1...UploadService.maxParts).contains(plan.parts))
        let (covered, overflow) = plan.partSize.multipliedReportingOverflow(by: plan.parts)
        #expect(overflow || covered >= max(size, 1), "the parts hold the whole file")
        let (allButLast, _) = plan.partSize.multipliedReportingOverflow(by: plan.parts - 1)
        #expect(allButLast < max(size, 1), "no empty last part")
    }
}
