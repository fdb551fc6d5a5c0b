namespace System.Runtime.CompilerServices;

// .NET Standard 2.0 lacks the marker the compiler needs for records' init-only properties.
internal static class IsExternalInit;
