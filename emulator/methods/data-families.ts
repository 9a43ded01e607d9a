// Business-data method families (tasks, CRM, activities, workgroups, disk): each folder
// registers itself with defineMethods().
import "./tasks/index";
import "./crm/index";
import "./sonet/index";
import "./disk/index";
