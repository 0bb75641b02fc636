// The library's one import for users: every layer's public API.
@_exported import QKSupport
@_exported import QKGSL
@_exported import QKModel
@_exported import QKStatistics
@_exported import QKEngine
@_exported import QKSampling
@_exported import QKTheory
@_exported import QKClaims
@_exported import QKExperiments
@_exported import QKPersistence
@_exported import QKVerdicts
@_exported import QKSuite
@_exported import QKReporting
