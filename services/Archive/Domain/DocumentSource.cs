namespace CityEServices.Archive.Domain;

public enum DocumentSource
{
    /// <summary>Scanned at an e-service office counter.</summary>
    OfficeScan,

    /// <summary>Brought in by the legacy bulk import of the municipality's paper files.</summary>
    LegacyImport,

    /// <summary>Produced by the system itself (permits, certificates).</summary>
    System,

    /// <summary>Uploaded by a citizen who holds the file, to their own file, without a visit.</summary>
    CitizenUpload,
}
