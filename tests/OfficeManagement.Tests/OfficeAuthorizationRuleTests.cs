using CityEServices.Contracts.Codes;
using CityEServices.Iran;
using CityEServices.OfficeManagement.Domain;
using Microsoft.Extensions.Time.Testing;

namespace CityEServices.OfficeManagement.Tests;

public class OfficeAuthorizationRuleTests
{
    private const string Operator = "0076229645";
    private const string Colleague = "1583250689";
    private const string Licensed = ServiceTypes.BuildingPermit;
    private const decimal PassMark = 70m;

    private static readonly DateTimeOffset Start = new(2025, 3, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Validity = TimeSpan.FromDays(730);

    // Certified when the training is recorded on day 3; valid for 730 days from then.
    private static readonly DateTimeOffset CertifiedAt = Start.AddDays(3);
    private static readonly DateTimeOffset ExpiresAt = CertifiedAt + Validity;

    /// <summary>One way the world can be, and the answer it must give. Names are the reasons they prove.</summary>
    public static TheoryData<string, AuthorizationRefusal?> Scenarios => new()
    {
        { "certified operator at an active licensed office", null },
        { "pilot office", null },
        { "one tick before expiry", null },
        { "licence revoked and granted again", null },
        { "operator moved here from another office", null },
        { "service type unknown", AuthorizationRefusal.ServiceTypeInactive },
        { "service type switched off in the catalog", AuthorizationRefusal.ServiceTypeInactive },
        { "service type in lower case", AuthorizationRefusal.ServiceTypeInactive },
        { "unknown service type at a missing office", AuthorizationRefusal.ServiceTypeInactive },
        { "no such office", AuthorizationRefusal.OfficeNotFound },
        { "malformed office code", AuthorizationRefusal.OfficeNotFound },
        { "snapshot holds a different office", AuthorizationRefusal.OfficeNotFound },
        { "office suspended", AuthorizationRefusal.OfficeSuspended },
        { "office suspended and operator uncertified", AuthorizationRefusal.OfficeSuspended },
        { "office closed", AuthorizationRefusal.OfficeClosed },
        { "office not licensed for the type", AuthorizationRefusal.OfficeNotLicensed },
        { "another type's licence revoked, this type never licensed", AuthorizationRefusal.OfficeNotLicensed },
        { "licence revoked", AuthorizationRefusal.LicenceRevoked },
        { "licence revoked, granted again and revoked again", AuthorizationRefusal.LicenceRevoked },
        { "licence revoked and operator deactivated", AuthorizationRefusal.LicenceRevoked },
        { "operator works at another office", AuthorizationRefusal.OperatorNotAtOffice },
        { "operator never employed", AuthorizationRefusal.OperatorNotAtOffice },
        { "malformed operator national id", AuthorizationRefusal.OperatorNotAtOffice },
        { "operator deactivated", AuthorizationRefusal.StaffInactive },
        { "operator moved to another office", AuthorizationRefusal.StaffInactive },
        { "operator deactivated and uncertified", AuthorizationRefusal.StaffInactive },
        { "operator training missing", AuthorizationRefusal.NotCertified },
        { "operator latest exam failed", AuthorizationRefusal.NotCertified },
        { "operator certified for another type only", AuthorizationRefusal.NotCertified },
        { "colleague's certification does not count", AuthorizationRefusal.NotCertified },
        { "exactly at expiry", AuthorizationRefusal.CertificationExpired },
        { "long after expiry", AuthorizationRefusal.CertificationExpired },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Decides_in_the_documented_order(string scenario, AuthorizationRefusal? expected)
    {
        var (request, snapshot, clock) = Build(scenario);

        var decision = OfficeAuthorizationRule.Evaluate(request, snapshot, Validity, clock);

        Assert.Equal(expected, decision.Reason);
        Assert.Equal(expected is null, decision.Allowed);
        Assert.False(string.IsNullOrWhiteSpace(decision.Detail));
    }

    [Fact]
    public void Every_reason_is_covered_by_a_scenario()
    {
        var covered = Scenarios.Select(row => (AuthorizationRefusal?)row[1]).ToHashSet();

        Assert.All(Enum.GetValues<AuthorizationRefusal>(), reason => Assert.Contains(reason, covered));
        Assert.Contains(null, covered);
    }

    [Theory]
    [InlineData("operator deactivated", "was deactivated at office TH0042")]
    [InlineData("operator moved to another office", "moved away from office TH0042")]
    [InlineData("licence revoked", "TH0042 for BUILDING_PERMIT has been revoked")]
    public void The_detail_says_what_happened(string scenario, string expected)
    {
        var (request, snapshot, clock) = Build(scenario);

        Assert.Contains(expected, OfficeAuthorizationRule.Evaluate(request, snapshot, Validity, clock).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_allowed_answer_holds_until_the_certification_expires_and_a_refusal_has_no_expiry()
    {
        var (request, snapshot, clock) = Build("certified operator at an active licensed office");
        Assert.Equal(ExpiresAt, OfficeAuthorizationRule.Evaluate(request, snapshot, Validity, clock).ExpiresAt);

        var (refusedRequest, refusedSnapshot, refusedClock) = Build("licence revoked");
        Assert.Null(OfficeAuthorizationRule.Evaluate(refusedRequest, refusedSnapshot, Validity, refusedClock).ExpiresAt);
    }

    [Fact]
    public void Expiry_follows_the_clock()
    {
        var (request, snapshot, clock) = Build("certified operator at an active licensed office");

        Assert.True(OfficeAuthorizationRule.Evaluate(request, snapshot, Validity, clock).Allowed);
        clock.SetUtcNow(ExpiresAt);
        Assert.Equal(AuthorizationRefusal.CertificationExpired, OfficeAuthorizationRule.Evaluate(request, snapshot, Validity, clock).Reason);
    }

    private static (AuthorizationRequest Request, AuthorizationSnapshot Snapshot, FakeTimeProvider Clock) Build(string scenario)
    {
        var clock = new FakeTimeProvider(Start.AddDays(10));
        var office = Office.Open(OfficeCode.Parse("TH0042"), "دفتر ۴۲", 6, "تهران", OfficeStatus.Active, Start, "admin");
        office.GrantLicence(Licensed, Start, "admin");
        var staff = new List<StaffMember> { Staff(Operator, "TH0042", Start) };
        var attempts = Certified(Operator, Licensed);
        var request = new AuthorizationRequest("th0042", Operator, Licensed);
        Office? snapshotOffice = office;
        var serviceTypeActive = true;

        switch (scenario)
        {
            case "certified operator at an active licensed office":
                break;
            case "pilot office":
                office.ChangeStatus(OfficeStatus.Pilot, Start, "admin");
                break;
            case "one tick before expiry":
                clock.SetUtcNow(ExpiresAt.AddTicks(-1));
                break;
            case "licence revoked and granted again":
                office.RevokeLicence(Licensed, Start.AddDays(1), "admin");
                office.GrantLicence(Licensed, Start.AddDays(2), "admin");
                break;
            case "operator moved here from another office":
                var old = Staff(Operator, "TH0001", Start.AddDays(-100));
                old.Deactivate(Start.AddDays(-1), "admin");
                staff.Insert(0, old);
                break;
            case "service type unknown":
                request = request with { ServiceType = "PIZZA_DELIVERY" };
                break;
            case "service type switched off in the catalog":
                serviceTypeActive = false;
                break;
            case "service type in lower case":
                request = request with { ServiceType = "building_permit" };
                break;
            case "unknown service type at a missing office":
                request = request with { ServiceType = "PIZZA_DELIVERY" };
                snapshotOffice = null;
                break;
            case "no such office":
                snapshotOffice = null;
                break;
            case "malformed office code":
                request = request with { OfficeCode = "TH-0042" };
                break;
            case "snapshot holds a different office":
                request = request with { OfficeCode = "TH0043" };
                break;
            case "office suspended":
                office.ChangeStatus(OfficeStatus.Suspended, Start, "admin");
                break;
            case "office suspended and operator uncertified":
                office.ChangeStatus(OfficeStatus.Suspended, Start, "admin");
                attempts = [];
                break;
            case "office closed":
                office.ChangeStatus(OfficeStatus.Closed, Start, "admin");
                break;
            case "office not licensed for the type":
                request = request with { ServiceType = ServiceTypes.ExcavationPermit };
                attempts = Certified(Operator, ServiceTypes.ExcavationPermit);
                break;
            case "another type's licence revoked, this type never licensed":
                office.GrantLicence(ServiceTypes.WasteContract, Start, "admin");
                office.RevokeLicence(ServiceTypes.WasteContract, Start.AddDays(5), "admin");
                request = request with { ServiceType = ServiceTypes.ExcavationPermit };
                attempts = Certified(Operator, ServiceTypes.ExcavationPermit);
                break;
            case "licence revoked":
                office.RevokeLicence(Licensed, Start.AddDays(5), "admin");
                break;
            case "licence revoked, granted again and revoked again":
                office.RevokeLicence(Licensed, Start.AddDays(1), "admin");
                office.GrantLicence(Licensed, Start.AddDays(2), "admin");
                office.RevokeLicence(Licensed, Start.AddDays(5), "admin");
                break;
            case "licence revoked and operator deactivated":
                office.RevokeLicence(Licensed, Start.AddDays(5), "admin");
                staff[0].Deactivate(Start.AddDays(5), "admin");
                break;
            case "operator works at another office":
                staff = [Staff(Operator, "TH0001", Start)];
                break;
            case "operator never employed":
                staff = [];
                break;
            case "malformed operator national id":
                request = request with { OperatorNationalId = "0076229646" };
                break;
            case "operator deactivated":
                staff[0].Deactivate(Start.AddDays(5), "admin");
                break;
            case "operator moved to another office":
                staff.Add(staff[0].MoveTo(OfficeCode.Parse("TH0001"), null, Start.AddDays(5), "admin"));
                break;
            case "operator deactivated and uncertified":
                staff[0].Deactivate(Start.AddDays(5), "admin");
                attempts = [];
                break;
            case "operator training missing":
                attempts = [.. attempts.Where(a => a.Kind != QualificationKind.Training)];
                break;
            case "operator latest exam failed":
                attempts = [.. attempts, QualificationAttempt.Exam(NationalId.Parse(Operator), Licensed, 40m, PassMark, Start.AddDays(4), "examiner")];
                break;
            case "operator certified for another type only":
                attempts = Certified(Operator, ServiceTypes.ExcavationPermit);
                break;
            case "colleague's certification does not count":
                attempts = Certified(Colleague, Licensed);
                break;
            case "exactly at expiry":
                clock.SetUtcNow(ExpiresAt);
                break;
            case "long after expiry":
                clock.Advance(TimeSpan.FromDays(3 * 365));
                break;
            default:
                throw new ArgumentException($"No scenario '{scenario}'.", nameof(scenario));
        }

        return (request, new AuthorizationSnapshot(snapshotOffice, staff, attempts, serviceTypeActive), clock);
    }

    private static StaffMember Staff(string nationalId, string office, DateTimeOffset joinedAt) =>
        StaffMember.Join(NationalId.Parse(nationalId), "کارمند", StaffRole.Operator, OfficeCode.Parse(office), joinedAt, "admin");

    private static List<QualificationAttempt> Certified(string nationalId, string serviceType)
    {
        var person = NationalId.Parse(nationalId);
        return
        [
            QualificationAttempt.Exam(person, serviceType, 85m, PassMark, Start.AddDays(1), "examiner"),
            QualificationAttempt.Assessed(person, serviceType, QualificationKind.Interview, passed: true, score: null, Start.AddDays(2), "panel"),
            QualificationAttempt.Assessed(person, serviceType, QualificationKind.Training, passed: true, score: 90m, CertifiedAt, "trainer"),
        ];
    }
}
