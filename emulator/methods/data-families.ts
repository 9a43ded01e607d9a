// Business-data method families (tasks, CRM, activities, workgroups, disk): each folder
// registers itself with defineMethods().
export {};
